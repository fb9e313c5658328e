package io.shopsense.core.campaign.policy;

import io.shopsense.api.campaign.Contact;
import io.shopsense.api.campaign.ContentCategory;
import java.time.Instant;

/**
 * Fatigue: a person who left {@code fatigueAfter} promotional messages in a row unopened gets at most one promotional
 * message per back-off period until they open something (which resets the streak in the contact log).
 */
final class FatigueRule implements ContactRule {
  static final String NAME = "fatigue";
  private final ContactPolicySettings settings;

  FatigueRule(ContactPolicySettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Verdict check(Candidate c, PersonContext p, Moment m) {
    if (c.category() != ContentCategory.PROMOTIONAL || p.unopenedInARow < settings.fatigueAfter()) {
      return Verdict.ALLOW;
    }
    Instant from = m.now().minus(settings.fatigueBackoff());
    for (Contact sent : p.contacts) {
      if (sent.category() == ContentCategory.PROMOTIONAL && sent.sentAt().isAfter(from)) {
        return new Verdict.Reject(NAME, p.unopenedInARow + " promotional messages unopened in a row (limit "
            + settings.fatigueAfter() + "); one per " + settings.fatigueBackoff().toDays() + " days until an open, "
            + "last " + sent.messageKey() + " at " + sent.sentAt());
      }
    }
    return Verdict.ALLOW;
  }
}
