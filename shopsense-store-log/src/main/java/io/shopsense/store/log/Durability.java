package io.shopsense.store.log;

/** When {@link SegmentEventLog#append} may return: what the acknowledgement promises to survive. */
public enum Durability {
  /** The events are forced to the storage device ({@code FileChannel.force}): they survive a power loss. */
  FSYNC,
  /**
   * The events are written to the operating system: they survive a crash of the process, not of the machine. For
   * demos and imports that can be repeated.
   */
  WRITE
}
