package io.shopsense.core.campaign.policy;

import io.shopsense.api.campaign.Contact;
import io.shopsense.api.campaign.ContactPreferences;
import io.shopsense.api.campaign.ContentCategory;
import java.time.Instant;

/**
 * The person's own choices from the preference centre: the channels they accept and the topics they muted (for
 * promotional and service messages), and how often they want promotional messages (at most one a local day or
 * week). Transactional messages ignore preferences.
 */
final class PreferenceRule implements ContactRule {
  static final String NAME = "preferences";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Verdict check(Candidate c, PersonContext p, Moment m) {
    ContactPreferences prefs = p.preferences;
    if (c.category() == ContentCategory.TRANSACTIONAL) {
      return Verdict.ALLOW;
    }
    if (!prefs.accepts(c.channel())) {
      return new Verdict.Reject(NAME, "channel " + c.channel().wireName() + " not among the person's channels "
          + prefs.channels());
    }
    if (!c.topic().isEmpty() && prefs.mutedTopics().contains(c.topic())) {
      return new Verdict.Reject(NAME, "topic " + c.topic() + " muted by the person");
    }
    if (c.category() != ContentCategory.PROMOTIONAL || prefs.frequency() == ContactPreferences.Frequency.ANY) {
      return Verdict.ALLOW;
    }
    boolean daily = prefs.frequency() == ContactPreferences.Frequency.DAILY;
    Instant from = daily ? m.dayStart() : m.weekStart();
    for (Contact sent : p.contacts) {
      if (sent.category() == ContentCategory.PROMOTIONAL && !sent.sentAt().isBefore(from)) {
        return new Verdict.Reject(NAME, "the person wants at most one promotional message a "
            + (daily ? "day" : "week") + " and got " + sent.messageKey() + " at " + sent.sentAt());
      }
    }
    return Verdict.ALLOW;
  }
}
