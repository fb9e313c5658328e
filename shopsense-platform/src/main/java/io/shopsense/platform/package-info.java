/**
 * The assembly of one ShopSense instance, without a framework: store providers chosen by id, the ingest path, the
 * pipeline of log consumers, and the services. Spring (in shopsense-server) and the CLI build on it.
 */
package io.shopsense.platform;
