package io.shopsense.core.campaign.policy;

import io.shopsense.api.campaign.ContentCategory;
import java.time.ZonedDateTime;

/**
 * Quiet hours in the person's time zone: a promotional or service message on a quiet channel inside the window is
 * held until the window ends (never dropped here); transactional messages go at once.
 */
final class QuietHoursRule implements ContactRule {
  static final String NAME = "quiet_hours";
  private final ContactPolicySettings settings;

  QuietHoursRule(ContactPolicySettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Verdict check(Candidate c, PersonContext p, Moment m) {
    QuietHours quiet = settings.quietHours();
    if (c.category() == ContentCategory.TRANSACTIONAL || !settings.quietChannels().contains(c.channel())
        || !quiet.contains(m.local().toLocalTime())) {
      return Verdict.ALLOW;
    }
    ZonedDateTime until = quiet.releaseAfter(m.local());
    return new Verdict.Hold(until.toInstant(), NAME, "quiet hours " + quiet.start() + "-" + quiet.end() + " in "
        + c.zone() + ", held until " + until.toLocalDateTime());
  }
}
