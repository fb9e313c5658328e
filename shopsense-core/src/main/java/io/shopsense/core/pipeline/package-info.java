/**
 * The pipeline: consumers that follow the event log (identity, lake, and later profiles and segments), each with
 * its own committed offset and retry with back-off.
 */
package io.shopsense.core.pipeline;
