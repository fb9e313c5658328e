package io.shopsense.core.campaign.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/** Now, seen from one person's time zone: the bounds of their local day and week, as instants. */
record Moment(Instant now, ZonedDateTime local, Instant dayStart, Instant nextDayStart, Instant weekStart) {

  static Moment of(Instant now, ZoneId zone, DayOfWeek weekStart) {
    ZonedDateTime local = now.atZone(zone);
    LocalDate today = local.toLocalDate();
    return new Moment(now, local, today.atStartOfDay(zone).toInstant(),
        today.plusDays(1).atStartOfDay(zone).toInstant(),
        today.with(TemporalAdjusters.previousOrSame(weekStart)).atStartOfDay(zone).toInstant());
  }
}
