package io.shopsense.demo;

/**
 * Writes instants as ISO-8601 date-times with a zone offset ({@code 2026-05-03T20:14:05.120+02:00}, or {@code Z}),
 * without allocating: the generator writes one per event.
 */
final class TimeText {
  /** The longest text written: {@code 2026-05-03T20:14:05.120+02:00}. */
  static final int MAX = 29;

  private TimeText() {}

  /** Writes the instant {@code epochMillis}, shown in local time at {@code offsetSeconds}, into out; returns its length. */
  static int write(long epochMillis, int offsetSeconds, char[] out) {
    long local = epochMillis + offsetSeconds * 1_000L;
    long day = Math.floorDiv(local, 86_400_000L);
    int ms = (int) Math.floorMod(local, 86_400_000L);
    // days to civil date (H. Hinnant's algorithm)
    long z = day + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int) (doy - (153 * mp + 2) / 5 + 1);
    int m = (int) (mp < 10 ? mp + 3 : mp - 9);
    int y = (int) (yoe + era * 400 + (m <= 2 ? 1 : 0));
    digits(y, 4, out, 0);
    out[4] = '-';
    digits(m, 2, out, 5);
    out[7] = '-';
    digits(d, 2, out, 8);
    out[10] = 'T';
    digits(ms / 3_600_000, 2, out, 11);
    out[13] = ':';
    digits(ms / 60_000 % 60, 2, out, 14);
    out[16] = ':';
    digits(ms / 1_000 % 60, 2, out, 17);
    out[19] = '.';
    digits(ms % 1_000, 3, out, 20);
    if (offsetSeconds == 0) {
      out[23] = 'Z';
      return 24;
    }
    int off = Math.abs(offsetSeconds);
    out[23] = offsetSeconds < 0 ? '-' : '+';
    digits(off / 3_600, 2, out, 24);
    out[26] = ':';
    digits(off / 60 % 60, 2, out, 27);
    return 29;
  }

  private static void digits(int value, int width, char[] out, int at) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
