/**
 * The embedded event log: {@link io.shopsense.store.log.SegmentEventLog}, an append-only, group-committed log of
 * segment files with in-memory indexes, opened with {@link io.shopsense.store.log.SegmentLogSettings}. The other
 * classes are its internals: the record format ({@code RecordCodec}), the files ({@code Segment}), the writer thread
 * ({@code GroupCommitter}), the indexes ({@code LogIndex}, {@code DedupIndex}, {@code IdentityPostings}) and the scan
 * on open ({@code Recovery}).
 */
package io.shopsense.store.log;
