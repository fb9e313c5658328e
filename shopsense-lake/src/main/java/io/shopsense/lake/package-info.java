/**
 * The event lake: every accepted event as Parquet files partitioned by the UTC date it happened, so that the
 * single-node SQL engine here (DuckDB) and a later Spark engine read the same files.
 *
 * <p>{@link io.shopsense.lake.LakeWriter} follows the event log and writes the files, crash-safely and idempotently;
 * {@link io.shopsense.lake.LakeCompactor} merges a day's files into one; {@link io.shopsense.lake.LakeQuery} runs SQL
 * over them. The layout and columns are described by {@link io.shopsense.lake.LakeTable}.
 */
package io.shopsense.lake;
