package io.shopsense.core.segment.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Times written in rules: an ISO-8601 date-time with an offset, or a date meaning the start of its UTC day. */
public final class Times {
  private Times() {}

  /** The instant a string names, or empty when it names none. */
  public static Optional<Instant> parse(String s) {
    if (!startsWithADate(s)) {
      // most strings are not times: spare them the exception the JDK's parser would throw
      return Optional.empty();
    }
    try {
      if (s.length() == 10) {
        return Optional.of(LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC)
            .toInstant());
      }
      return Optional.of(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** {@code dddd-dd-dd}, alone or followed by {@code T}. */
  private static boolean startsWithADate(String s) {
    if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.length() > 10 && s.charAt(10) != 'T')) {
      return false;
    }
    for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
