package io.shopsense.core.imports;

/**
 * Told how far an import has come, for a progress bar: every few thousand rows and after every chunk sent to the
 * ingest path. Called on the importing thread; must be fast and must not throw.
 */
@FunctionalInterface
public interface ImportProgress {
  ImportProgress NONE = (rowsRead, bytesRead) -> {};

  /**
   * @param rowsRead  source rows read so far, over all inputs
   * @param bytesRead bytes read so far from the inputs as given (compressed bytes for a gzip file), to compare with
   *                  the files' sizes
   */
  void progressed(long rowsRead, long bytesRead);
}
