/**
 * The event lake: every accepted event as Parquet files partitioned by the UTC date it happened, so that the
 * single-node SQL engine here (DuckDB) and a later Spark engine read the same files.
 *
 * <p>{@link io.shopsense.lake.LakeWriter} follows the event log and writes the files, crash-safely and idempotently,
 * reading each event's columns straight from its canonical JSON (no typed event, no tree) and handing the sorted rows
 * of a flush to DuckDB's Parquet writer through a table function;
 * {@link io.shopsense.lake.LakeCompactor} merges a day's files into one; {@link io.shopsense.lake.LakeQuery} runs
 * read-only, sandboxed SQL over them, answering a {@link io.shopsense.lake.QueryResult} that
 * {@link io.shopsense.lake.TextTable} renders for a terminal. The layout and columns are described by
 * {@link io.shopsense.lake.LakeTable}.
 *
 * <p>On disk: {@code <lake>/<table>/event_date=YYYY-MM-DD/part-<firstSeq>-<lastSeq>.parquet}, written under a hidden
 * temporary name and renamed into place; {@code <lake>/.writer.lock} is held by the one writer. A file's range is the
 * log range its writer covered; a file whose range contains another's in the same folder supersedes it (a
 * compaction's output and its not yet deleted inputs).
 */
package io.shopsense.lake;
