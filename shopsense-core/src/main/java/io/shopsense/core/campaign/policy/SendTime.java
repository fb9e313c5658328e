package io.shopsense.core.campaign.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.OptionalInt;

/**
 * Send-time optimisation: send at the person's habitual active hour — the local hour of day at which most of their
 * events happened — when the campaign allows waiting for it. Stateless.
 */
public final class SendTime {
  /** Fewer events than this make no habit: the message goes at once. */
  public static final int MIN_EVENTS = 3;

  private SendTime() {}

  /** The events' count per local hour of day (index 0 to 23) in the zone. */
  public static int[] histogram(Collection<Instant> events, ZoneId zone) {
    int[] hours = new int[24];
    for (Instant e : events) {
      hours[e.atZone(zone).getHour()]++;
    }
    return hours;
  }

  /**
   * The hour with most events outside the quiet hours (the earliest among equals); empty when the histogram holds
   * fewer than {@link #MIN_EVENTS} events there.
   */
  public static OptionalInt habitualHour(int[] hourHistogram, QuietHours quiet) {
    if (hourHistogram == null || hourHistogram.length != 24) {
      throw new IllegalArgumentException("an hour histogram has 24 counts, one per local hour of day");
    }
    int best = -1;
    long total = 0;
    for (int h = 0; h < 24; h++) {
      if (hourHistogram[h] < 0) {
        throw new IllegalArgumentException("hour " + h + " has a negative count");
      }
      if (quiet.contains(LocalTime.of(h, 0))) {
        continue;
      }
      total += hourHistogram[h];
      if (hourHistogram[h] > 0 && (best < 0 || hourHistogram[h] > hourHistogram[best])) {
        best = h;
      }
    }
    return total < MIN_EVENTS ? OptionalInt.empty() : OptionalInt.of(best);
  }

  /**
   * The next instant at the person's habitual hour, at or after {@code now}: {@code now} itself when it is in that
   * hour already, when there is no habit, or when the next such hour comes after {@code latest} (the campaign does
   * not allow waiting that long).
   */
  public static Instant best(int[] hourHistogram, ZoneId zone, Instant now, Instant latest, QuietHours quiet) {
    if (zone == null || now == null || latest == null || quiet == null) {
      throw new IllegalArgumentException("send-time needs a zone, now, the latest allowed time and the quiet hours");
    }
    OptionalInt hour = habitualHour(hourHistogram, quiet);
    if (hour.isEmpty()) {
      return now;
    }
    ZonedDateTime local = now.atZone(zone);
    if (local.getHour() == hour.getAsInt()) {
      return now;
    }
    LocalDate day = local.toLocalDate();
    ZonedDateTime at = ZonedDateTime.of(day, LocalTime.of(hour.getAsInt(), 0), zone);
    if (!at.toInstant().isAfter(now)) {
      at = ZonedDateTime.of(day.plusDays(1), LocalTime.of(hour.getAsInt(), 0), zone);
    }
    Instant next = at.toInstant().truncatedTo(ChronoUnit.SECONDS);
    return next.isAfter(latest) ? now : next;
  }

  /** {@link #best(int[], ZoneId, Instant, Instant, QuietHours)} from the person's event times. */
  public static Instant best(Collection<Instant> events, ZoneId zone, Instant now, Instant latest, QuietHours quiet) {
    return best(histogram(events, zone), zone, now, latest, quiet);
  }
}
