package io.shopsense.core.campaign.policy;

import io.shopsense.api.privacy.ConsentDecision;
import io.shopsense.api.privacy.Purpose;

/**
 * Consent for the channel's marketing purpose, where the settings require it for the message's category
 * ({@link ContactPolicySettings#consentRequired()}): always for promotional messages, and for service and
 * transactional ones on the channels where the law or the platform requires an opt-in. A refusal carries the
 * consent check's reason (no consent recorded, refused, withdrawn).
 */
final class ConsentRule implements ContactRule {
  static final String NAME = "consent";
  private final ContactPolicySettings settings;

  ConsentRule(ContactPolicySettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  boolean needsConsent(Candidate c) {
    return settings.consentRequired().get(c.category()).contains(c.channel());
  }

  @Override
  public Verdict check(Candidate c, PersonContext p, Moment m) {
    if (!needsConsent(c)) {
      return Verdict.ALLOW;
    }
    Purpose purpose = c.channel().purpose();
    ConsentDecision decision = p.consent.get(purpose);
    if (decision == null) {
      return new Verdict.Reject(NAME, ConsentDecision.NO_CONSENT_RECORDED + ": no answer on " + purpose.wireName());
    }
    if (decision instanceof ConsentDecision.Refused refused) {
      return new Verdict.Reject(NAME, refused.reason() + ": " + purpose.wireName() + " needed for a "
          + c.category().wireName() + " message on " + c.channel().wireName());
    }
    return Verdict.ALLOW;
  }
}
