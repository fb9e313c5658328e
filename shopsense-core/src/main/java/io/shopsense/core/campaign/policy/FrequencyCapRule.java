package io.shopsense.core.campaign.policy;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.campaign.Contact;
import io.shopsense.api.campaign.ContentCategory;

/**
 * Frequency caps on promotional messages, over all channels and per channel, per local day and per local week of the
 * person's time zone. Transactional and service messages are exempt and not counted. One pass over the person's
 * contacts of the look-back window.
 */
final class FrequencyCapRule implements ContactRule {
  static final String NAME = "frequency_cap";
  private final ContactPolicySettings settings;

  FrequencyCapRule(ContactPolicySettings settings) {
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
    Channel channel = c.channel();
    int day = 0;
    int week = 0;
    int channelDay = 0;
    int channelWeek = 0;
    for (Contact sent : p.contacts) {
      if (sent.category() != ContentCategory.PROMOTIONAL || sent.sentAt().isBefore(m.weekStart())
          || !sent.sentAt().isBefore(m.nextDayStart())) {
        continue;
      }
      boolean today = !sent.sentAt().isBefore(m.dayStart());
      boolean sameChannel = sent.channel() == channel;
      week++;
      if (today) {
        day++;
      }
      if (sameChannel) {
        channelWeek++;
        if (today) {
          channelDay++;
        }
      }
    }
    ContactPolicySettings.Caps global = settings.global();
    if (day >= global.perDay()) {
      return reject(day, global.perDay(), "today", "all channels", c);
    }
    if (week >= global.perWeek()) {
      return reject(week, global.perWeek(), "this week", "all channels", c);
    }
    ContactPolicySettings.Caps caps = settings.perChannel().get(channel);
    if (caps != null) {
      if (channelDay >= caps.perDay()) {
        return reject(channelDay, caps.perDay(), "today", channel.wireName(), c);
      }
      if (channelWeek >= caps.perWeek()) {
        return reject(channelWeek, caps.perWeek(), "this week", channel.wireName(), c);
      }
    }
    return Verdict.ALLOW;
  }

  private static Verdict reject(int sent, int cap, String when, String where, Candidate c) {
    return new Verdict.Reject(NAME, sent + " promotional messages on " + where + " " + when + " (cap " + cap
        + ", counted in " + c.zone() + ")");
  }
}
