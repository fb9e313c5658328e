package io.shopsense.api.offer;

import java.util.Objects;

/** The outcome of a grant: the coupon (new, or the one granted before under the same key) or a refusal with why. */
public sealed interface GrantResult {

  /** Granted; {@code fresh} is false when the key had been granted before and this is that grant again. */
  record Granted(CouponGrant grant, boolean fresh) implements GrantResult {
    public Granted {
      Objects.requireNonNull(grant, "grant");
    }
  }

  /** Not granted, with the reason and a sentence for people. */
  record Refused(GrantRefusal reason, String detail) implements GrantResult {
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
