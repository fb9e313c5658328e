package io.shopsense.api.collect;

/**
 * What the log did with one envelope of an append.
 *
 * @param seq the sequence number of the stored event: the new one, or for a duplicate the copy stored earlier
 */
public record AppendResult(Outcome outcome, long seq) {

  public enum Outcome {
    /** Stored now. */
    STORED,
    /** A copy with the same message id was already stored (earlier, or earlier in the same append). */
    DUPLICATE
  }

  public static AppendResult stored(long seq) {
    return new AppendResult(Outcome.STORED, seq);
  }

  public static AppendResult duplicate(long seq) {
    return new AppendResult(Outcome.DUPLICATE, seq);
  }
}
