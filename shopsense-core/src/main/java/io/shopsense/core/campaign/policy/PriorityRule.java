package io.shopsense.core.campaign.policy;

import io.shopsense.api.campaign.Contact;
import io.shopsense.api.campaign.ContentCategory;
import java.time.Instant;

/**
 * Priority among promotional messages competing for a person on one local day: a message whose priority is lower
 * than one already sent (or allowed earlier in the batch, where a person's candidates are checked highest priority
 * first) the same day loses: held until the next local day, past its quiet hours, or dropped, as the settings say.
 * Messages of equal priority do not compete (the caps share the day among them).
 */
final class PriorityRule implements ContactRule {
  static final String NAME = "priority";
  private final ContactPolicySettings settings;

  PriorityRule(ContactPolicySettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Verdict check(Candidate c, PersonContext p, Moment m) {
    if (c.category() != ContentCategory.PROMOTIONAL) {
      return Verdict.ALLOW;
    }
    Contact winner = null;
    for (Contact sent : p.contacts) {
      if (sent.category() == ContentCategory.PROMOTIONAL && sent.priority() > c.priority()
          && !sent.sentAt().isBefore(m.dayStart()) && (winner == null || sent.priority() > winner.priority())) {
        winner = sent;
      }
    }
    if (winner == null) {
      return Verdict.ALLOW;
    }
    String reason = "lost to " + winner.messageKey() + " (priority " + winner.priority() + " > " + c.priority()
        + ") today in " + c.zone();
    if (settings.competition() == ContactPolicySettings.Competition.DROP) {
      return new Verdict.Reject(NAME, reason);
    }
    Instant until = m.nextDayStart();
    if (settings.quietChannels().contains(c.channel())) {
      until = settings.quietHours().releaseAfter(until, c.zone());
    }
    return new Verdict.Hold(until, NAME, reason + ", held until " + until.atZone(c.zone()).toLocalDateTime());
  }
}
