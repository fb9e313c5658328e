package io.shopsense.api.privacy;

/**
 * The answer of the {@link ConsentCheck} for one person and purpose: allowed, with the lawful basis it rests on, or
 * refused, with a reason code. Nothing is pre-ticked: without a recorded grant, only what the shop declares strictly
 * necessary is allowed.
 */
public sealed interface ConsentDecision {

  Purpose purpose();

  boolean allowed();

  /** Allowed on {@code basis}; {@code strictlyNecessary} when the shop declared the purpose so, not the person. */
  record Allowed(Purpose purpose, LawfulBasis basis, boolean strictlyNecessary) implements ConsentDecision {
    @Override
    public boolean allowed() {
      return true;
    }
  }

  /** Refused; {@code reason} is one of the constants below. */
  record Refused(Purpose purpose, String reason) implements ConsentDecision {
    @Override
    public boolean allowed() {
      return false;
    }
  }

  /** No decision of the person is on record (and the purpose is not strictly necessary). */
  String NO_CONSENT_RECORDED = "no_consent_recorded";
  /** The person's latest decision refuses the purpose, and they never granted it before. */
  String CONSENT_REFUSED = "consent_refused";
  /** The person granted the purpose once and withdrew it later. */
  String CONSENT_WITHDRAWN = "consent_withdrawn";
}
