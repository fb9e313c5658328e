package io.shopsense.core.recommend;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Exponential time decay relative to a reference time (usually the training time, from the injected clock): a record
 * {@code halfLife} older than {@code reference} counts half. Records after the reference count fully (not more), so
 * clock skew between producers never inflates a weight.
 */
public record TimeDecay(Duration halfLife, Instant reference) {
  public TimeDecay {
    Objects.requireNonNull(halfLife, "halfLife");
    Objects.requireNonNull(reference, "reference");
    if (halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("halfLife must be positive: " + halfLife);
    }
  }

  /** The factor in (0, 1] for a record at {@code time}. */
  public double factor(Instant time) {
    double ageSeconds = Math.max(0, Duration.between(time, reference).toNanos() / 1e9);
    return Math.pow(0.5, ageSeconds / (halfLife.toNanos() / 1e9));
  }

  String canonical() {
    return "decay.half-life=" + halfLife + "\ndecay.reference=" + reference + "\n";
  }
}
