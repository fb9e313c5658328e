/**
 * Collection: the one ingest path ({@link io.shopsense.core.collect.Ingestor}) that validates events against the
 * tracking spec, normalises them, appends them durably and idempotently to the event log and keeps every rejected
 * record whole in the quarantine; the quarantine's fix-and-replay; the data-quality report; and the decoder from
 * the stored canonical JSON to the typed events. Internals (the field rules) live in {@code internal}.
 */
package io.shopsense.core.collect;
