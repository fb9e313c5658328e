package io.shopsense.core.campaign.policy;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.campaign.ContentCategory;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How much contact the shop allows. Caps count promotional messages only (transactional and service messages are
 * exempt and not counted), in the person's own time zone: a day is local midnight to midnight, a week starts on
 * {@code weekStart} at local midnight.
 *
 * @param global          caps over every channel together
 * @param perChannel      caps per channel; a channel without an entry has only the global caps
 * @param quietHours      the local window in which promotional and service messages wait
 * @param quietChannels   the channels quiet hours apply to (an in-app inbox disturbs nobody at night)
 * @param consentRequired per content category, the channels on which a message needs the person's consent to the
 *                        channel's marketing purpose: promotional messages everywhere; by default service messages on
 *                        SMS, push and messaging apps, transactional ones on push and messaging apps (where the law
 *                        or the platform requires an opt-in for any message). Must cover every channel for
 *                        promotional messages.
 * @param fatigueAfter    after this many promotional messages in a row left unopened, a person is fatigued
 * @param fatigueBackoff  a fatigued person gets at most one promotional message per this period, until they open one
 * @param competition     what happens to a promotional message that loses to a higher-priority one the same day
 * @param batchPersons    persons whose stores are read together by {@link ContactPolicy#checkAll}
 */
public record ContactPolicySettings(Caps global, Map<Channel, Caps> perChannel, QuietHours quietHours,
    Set<Channel> quietChannels, Map<ContentCategory, Set<Channel>> consentRequired, DayOfWeek weekStart,
    int fatigueAfter, Duration fatigueBackoff, Competition competition, int batchPersons) {

  /** What the loser of a priority competition gets. */
  public enum Competition {
    /** Held until the person's next local day (and past its quiet hours), then checked again. */
    HOLD,
    /** Dropped with the reason. */
    DROP
  }

  /** At most {@code perDay} promotional messages a local day and {@code perWeek} a local week. */
  public record Caps(int perDay, int perWeek) {
    public Caps {
      if (perDay < 0 || perWeek < 0) {
        throw new IllegalArgumentException("caps are not negative, got " + perDay + "/day, " + perWeek + "/week");
      }
      if (perWeek < perDay) {
        throw new IllegalArgumentException("a weekly cap (" + perWeek + ") below the daily cap (" + perDay
            + ") makes the daily cap meaningless");
      }
    }
  }

  public ContactPolicySettings {
    if (global == null || quietHours == null || weekStart == null || competition == null) {
      throw new IllegalArgumentException("the contact policy needs global caps, quiet hours, a week start and a "
          + "competition outcome");
    }
    EnumMap<Channel, Caps> channels = new EnumMap<>(Channel.class);
    if (perChannel != null) {
      perChannel.forEach((c, caps) -> {
        if (c == null || caps == null) {
          throw new IllegalArgumentException("per-channel caps need a channel and caps");
        }
        channels.put(c, caps);
      });
    }
    perChannel = Collections.unmodifiableMap(channels);
    quietChannels = quietChannels == null || quietChannels.isEmpty()
        ? Collections.unmodifiableSet(EnumSet.noneOf(Channel.class))
        : Collections.unmodifiableSet(EnumSet.copyOf(quietChannels));
    EnumMap<ContentCategory, Set<Channel>> consent = new EnumMap<>(ContentCategory.class);
    for (ContentCategory category : ContentCategory.values()) {
      Set<Channel> on = consentRequired == null ? null : consentRequired.get(category);
      consent.put(category, on == null || on.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Channel.class))
          : Collections.unmodifiableSet(EnumSet.copyOf(on)));
    }
    EnumSet<Channel> missing = EnumSet.allOf(Channel.class);
    missing.removeAll(consent.get(ContentCategory.PROMOTIONAL));
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("promotional messages need the person's consent on every channel; "
          + "consentRequired for promotional lacks " + missing);
    }
    consentRequired = Collections.unmodifiableMap(consent);
    if (fatigueAfter < 1) {
      throw new IllegalArgumentException("fatigue starts after at least one unopened message, got " + fatigueAfter);
    }
    if (fatigueBackoff == null || fatigueBackoff.isNegative() || fatigueBackoff.isZero()
        || fatigueBackoff.compareTo(Duration.ofDays(90)) > 0) {
      throw new IllegalArgumentException("the fatigue back-off is positive and at most 90 days, got "
          + fatigueBackoff);
    }
    if (batchPersons < 1 || batchPersons > 100_000) {
      throw new IllegalArgumentException("a policy batch reads 1 to 100,000 persons at a time, got " + batchPersons);
    }
  }

  /**
   * Promotional: 3 a day and 10 a week over all channels; per channel email 3/7, in-app 5/20, push 2/5, SMS and
   * messaging apps 1/2. Quiet hours 21:00–08:00 on every channel but in-app. Weeks start on Monday. Fatigued after
   * 5 unopened in a row: then one a week. A priority loser is held until the next day. 2,000 persons per read.
   */
  public static ContactPolicySettings defaults() {
    Map<Channel, Caps> perChannel = new EnumMap<>(Channel.class);
    perChannel.put(Channel.EMAIL, new Caps(3, 7));
    perChannel.put(Channel.IN_APP, new Caps(5, 20));
    perChannel.put(Channel.PUSH, new Caps(2, 5));
    perChannel.put(Channel.SMS, new Caps(1, 2));
    perChannel.put(Channel.MESSAGING_APP, new Caps(1, 2));
    Map<ContentCategory, Set<Channel>> consent = new EnumMap<>(ContentCategory.class);
    consent.put(ContentCategory.PROMOTIONAL, EnumSet.allOf(Channel.class));
    consent.put(ContentCategory.SERVICE, EnumSet.of(Channel.SMS, Channel.PUSH, Channel.MESSAGING_APP));
    consent.put(ContentCategory.TRANSACTIONAL, EnumSet.of(Channel.PUSH, Channel.MESSAGING_APP));
    return new ContactPolicySettings(new Caps(3, 10), perChannel,
        new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)), EnumSet.complementOf(EnumSet.of(Channel.IN_APP)),
        consent, DayOfWeek.MONDAY, 5, Duration.ofDays(7), Competition.HOLD, 2_000);
  }

  public ContactPolicySettings withGlobal(Caps caps) {
    return new ContactPolicySettings(caps, perChannel, quietHours, quietChannels, consentRequired, weekStart,
        fatigueAfter, fatigueBackoff, competition, batchPersons);
  }

  public ContactPolicySettings withQuietHours(QuietHours quiet) {
    return new ContactPolicySettings(global, perChannel, quiet, quietChannels, consentRequired, weekStart,
        fatigueAfter, fatigueBackoff, competition, batchPersons);
  }

  public ContactPolicySettings withFatigue(int after, Duration backoff) {
    return new ContactPolicySettings(global, perChannel, quietHours, quietChannels, consentRequired, weekStart,
        after, backoff, competition, batchPersons);
  }

  public ContactPolicySettings withCompetition(Competition outcome) {
    return new ContactPolicySettings(global, perChannel, quietHours, quietChannels, consentRequired, weekStart,
        fatigueAfter, fatigueBackoff, outcome, batchPersons);
  }

  public ContactPolicySettings withBatchPersons(int persons) {
    return new ContactPolicySettings(global, perChannel, quietHours, quietChannels, consentRequired, weekStart,
        fatigueAfter, fatigueBackoff, competition, persons);
  }

  /** How far back the policy reads the contact log: a local week (DST included) and the fatigue back-off. */
  Duration lookBack() {
    Duration week = Duration.ofDays(8);
    return fatigueBackoff.compareTo(week) > 0 ? fatigueBackoff : week;
  }
}
