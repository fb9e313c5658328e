package io.shopsense.core.imports.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Reads the local date-times of exports ({@code 2010-12-01 08:26:00}, also with {@code T}, without seconds, or with a
 * fraction) as instants in the shop's time zone. In a daylight-saving overlap the earlier offset is taken; a time in
 * the gap is moved forward by the gap's length ({@link ZonedDateTime#of}). Remembers the last text, because export
 * rows come in runs with the same time. Not thread-safe: one per reader.
 */
public final class LocalTimes {
  private final ZoneId zone;
  private String lastText;
  private Instant lastInstant;

  public LocalTimes(ZoneId zone) {
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The instant, or null when the text is not such a date-time. */
  public Instant parse(String text) {
    if (text.equals(lastText)) {
      return lastInstant;
    }
    Instant instant = parseNew(text.strip());
    if (instant != null) {
      lastText = text;
      lastInstant = instant;
    }
    return instant;
  }

  private Instant parseNew(String s) {
    int n = s.length();
    if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != ' ' && s.charAt(10) != 'T')
        || s.charAt(13) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = 0;
    int nanos = 0;
    if (n > 16) {
      if (n < 19 || s.charAt(16) != ':') {
        return null;
      }
      second = digits(s, 17, 19);
      if (n > 19) {
        if (s.charAt(19) != '.' || n == 20 || n > 29) {
          return null;
        }
        int fraction = digits(s, 20, n);
        if (fraction < 0) {
          return null;
        }
        nanos = fraction * (int) Math.pow(10, 9 - (n - 20));
      }
    }
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    try {
      return ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos), zone).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The decimal number in {@code s[from, to)}, or -1 if any character is not a digit. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
