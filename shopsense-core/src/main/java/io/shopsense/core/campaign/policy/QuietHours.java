package io.shopsense.core.campaign.policy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily window of local time in which messages wait, e.g. 21:00–08:00 (crossing midnight) or 12:00–14:00. A window
 * whose start equals its end is empty (no quiet hours).
 */
public record QuietHours(LocalTime start, LocalTime end) {

  public QuietHours {
    if (start == null || end == null) {
      throw new IllegalArgumentException("quiet hours need a start and an end, e.g. 21:00 and 08:00");
    }
  }

  public static QuietHours none() {
    return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
  }

  public boolean isEmpty() {
    return start.equals(end);
  }

  /** Whether the local time falls in the window (start inclusive, end exclusive). */
  public boolean contains(LocalTime t) {
    if (isEmpty()) {
      return false;
    }
    return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
  }

  /**
   * When the window that {@code local} falls in ends, in the same zone; {@code local} itself when it is outside the
   * window. A window ending in a daylight-saving gap ends at the first instant after the gap.
   */
  public ZonedDateTime releaseAfter(ZonedDateTime local) {
    LocalTime t = local.toLocalTime();
    if (!contains(t)) {
      return local;
    }
    LocalDate day = local.toLocalDate();
    if (!t.isBefore(end)) { // after the start, before midnight: the window ends tomorrow
      day = day.plusDays(1);
    }
    return ZonedDateTime.of(day, end, local.getZone());
  }

  /** {@link #releaseAfter} at an instant in a zone. */
  public java.time.Instant releaseAfter(java.time.Instant at, ZoneId zone) {
    return releaseAfter(at.atZone(zone)).toInstant();
  }
}
