package io.shopsense.core.campaign.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often and when a failed delivery is tried again: up to {@code maxAttempts} attempts in all, the n-th retry
 * after {@code initialDelay × multiplier^(n-1)}, capped at {@code maxDelay}, spread by ±{@code jitter} (a fraction)
 * so that messages that failed together (a provider outage) do not all come back at the same instant.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay,
    double jitter) {

  /** Five attempts, 30 s, ×4, at most 1 h apart, ±20%: about 30 s, 2 min, 8 min, 32 min. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(30), 4.0, Duration.ofHours(1), 0.2);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
    }
    if (initialDelay == null || initialDelay.isNegative() || initialDelay.isZero()) {
      throw new IllegalArgumentException("initialDelay must be positive, not " + initialDelay);
    }
    if (!(multiplier >= 1.0)) {
      throw new IllegalArgumentException("multiplier must be at least 1, not " + multiplier);
    }
    if (maxDelay == null || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("maxDelay must be at least initialDelay, not " + maxDelay);
    }
    if (!(jitter >= 0.0 && jitter < 1.0)) {
      throw new IllegalArgumentException("jitter must be in [0, 1), not " + jitter);
    }
  }

  /** Whether a message that has been attempted this many times may be attempted again. */
  public boolean mayRetry(int attemptsSoFar) {
    return attemptsSoFar < maxAttempts;
  }

  /** The wait before the next attempt after {@code attemptsSoFar} (at least 1) failed ones. */
  public Duration delayAfter(int attemptsSoFar, RandomGenerator random) {
    if (attemptsSoFar < 1) {
      throw new IllegalArgumentException("a delay follows an attempt; attemptsSoFar must be at least 1");
    }
    double base = initialDelay.toMillis() * Math.pow(multiplier, attemptsSoFar - 1);
    double capped = Math.min(base, maxDelay.toMillis());
    double spread = jitter == 0.0 ? 1.0 : 1.0 - jitter + 2 * jitter * random.nextDouble();
    return Duration.ofMillis(Math.max(1L, Math.round(capped * spread)));
  }
}
