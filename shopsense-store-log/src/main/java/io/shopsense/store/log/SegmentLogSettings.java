package io.shopsense.store.log;

/**
 * The settings of a {@link SegmentEventLog}.
 *
 * @param segmentBytes the size at which the log starts a new segment file, from {@value #MIN_SEGMENT_BYTES} bytes to
 *                     1 GiB; a single record larger than this gets a segment of its own
 * @param durability   what an acknowledged append survives; not null
 */
public record SegmentLogSettings(long segmentBytes, Durability durability) {

  public static final long MIN_SEGMENT_BYTES = 1024;
  /** Record offsets inside a segment are kept as {@code int}s, so a segment stays well below 2 GiB. */
  public static final long MAX_SEGMENT_BYTES = 1L << 30;

  public SegmentLogSettings {
    if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES) {
      throw new IllegalArgumentException("segmentBytes must be between " + MIN_SEGMENT_BYTES + " and "
          + MAX_SEGMENT_BYTES + ", was " + segmentBytes);
    }
    if (durability == null) {
      throw new IllegalArgumentException("durability is required");
    }
  }

  /** 128 MiB segments, forced to disk. */
  public static SegmentLogSettings defaults() {
    return new SegmentLogSettings(128L << 20, Durability.FSYNC);
  }
}
