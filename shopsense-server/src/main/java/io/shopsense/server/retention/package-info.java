/** Retention of raw events in a running server: the scheduled job over {@code Platform.applyRetention}. */
package io.shopsense.server.retention;
