/**
 * The plain-language privacy summary: generated from the shop's configured purposes, retention, request deadline,
 * controller and recipients, in English and Chinese, with the questions customers ask. Nothing here is written by
 * hand per shop, so the summary cannot drift from what the platform is configured to do.
 */
package io.shopsense.core.notice;
