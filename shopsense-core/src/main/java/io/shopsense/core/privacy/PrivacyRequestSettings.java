package io.shopsense.core.privacy;

import java.time.Duration;

/**
 * How data-subject requests are handled.
 *
 * @param deadline how long after receipt a request must be answered (GDPR: one month; PIPL: promptly)
 * @param catchUp  how long an erasure waits for the pipeline to process events already received, so that the
 *                 person's latest events are attributed (and erased) rather than re-creating the person afterwards
 */
public record PrivacyRequestSettings(Duration deadline, Duration catchUp) {
  public PrivacyRequestSettings {
    if (deadline == null || deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("the deadline of privacy requests must be positive");
    }
    if (catchUp == null || catchUp.isNegative()) {
      throw new IllegalArgumentException("the catch-up wait of an erasure must be zero or positive");
    }
  }

  public static PrivacyRequestSettings defaults() {
    return new PrivacyRequestSettings(Duration.ofDays(30), Duration.ofSeconds(30));
  }
}
