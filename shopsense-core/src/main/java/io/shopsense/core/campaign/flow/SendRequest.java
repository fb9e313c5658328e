package io.shopsense.core.campaign.flow;

import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.journey.SendSpec;
import java.time.Instant;
import java.util.Objects;

/**
 * One message someone wants sent: its key (at most one message per key, ever), what to send and when it is due at the
 * earliest. {@code couponCode} is the code the template's {@code {{coupon.code}}} shows (null when none was granted).
 * {@code latest}, when set, allows send-time optimisation: the message goes at the person's habitual active hour
 * if that comes before {@code latest}, else at {@code dueAt}.
 */
public record SendRequest(DeliveryKey key, SendSpec spec, Instant dueAt, String couponCode, Instant latest) {
  public SendRequest {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(dueAt, "dueAt");
    if (latest != null && latest.isBefore(dueAt)) {
      throw new IllegalArgumentException("message " + key + " may not go later than " + latest
          + ", before it is due at " + dueAt);
    }
  }

  /** A request without send-time optimisation. */
  public static SendRequest at(DeliveryKey key, SendSpec spec, Instant dueAt, String couponCode) {
    return new SendRequest(key, spec, dueAt, couponCode, null);
  }
}
