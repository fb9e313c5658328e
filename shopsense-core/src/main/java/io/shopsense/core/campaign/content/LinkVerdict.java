package io.shopsense.core.campaign.content;

import java.util.Objects;

/** The answer to a signed link: valid with its claims, or rejected with the reason. */
public sealed interface LinkVerdict {

  /** Why a link was rejected. */
  enum Reason {
    MALFORMED, BAD_SIGNATURE, EXPIRED, WRONG_PURPOSE
  }

  record Valid(LinkClaims claims) implements LinkVerdict {
    public Valid {
      Objects.requireNonNull(claims, "claims");
    }
  }

  record Rejected(Reason reason, String detail) implements LinkVerdict {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
