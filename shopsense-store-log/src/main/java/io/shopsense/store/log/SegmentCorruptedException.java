package io.shopsense.store.log;

import java.nio.file.Path;

/**
 * A segment file holds bytes the log did not write, or lacks bytes it acknowledged: the log refuses to open (or to
 * return the record) rather than drop or invent events. The message names the file and the byte offset; an operator
 * decides what to do (restore the file from a backup, or truncate it at the offset after checking).
 */
public final class SegmentCorruptedException extends IllegalStateException {

  private final transient Path file;
  private final long offset;

  SegmentCorruptedException(Path file, long offset, String problem) {
    super("event log segment " + file + " is corrupt at byte offset " + offset + ": " + problem);
    this.file = file;
    this.offset = offset;
  }

  /** The damaged segment file. */
  public Path file() {
    return file;
  }

  /** The byte offset in {@link #file()} where the damage starts. */
  public long offset() {
    return offset;
  }
}
