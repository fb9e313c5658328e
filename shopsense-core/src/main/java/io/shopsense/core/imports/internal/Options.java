package io.shopsense.core.imports.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks and reads presets' options; an unknown or malformed option fails before anything is read. */
final class Options {
  private Options() {}

  static void onlyKnown(String preset, Map<String, String> options, Set<String> known) {
    for (String key : options.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("preset " + preset + " has no option '" + key + "'; it knows "
            + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known))));
      }
    }
  }

  static ZoneId zone(Map<String, String> options, String key, String fallback) {
    String id = options.getOrDefault(key, fallback);
    try {
      return ZoneId.of(id.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("option " + key + ": '" + id + "' is not a time zone such as Europe/London");
    }
  }

  static int positive(Map<String, String> options, String key, int fallback) {
    String v = options.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("option " + key + ": expected a positive whole number");
  }

  static String currency(Map<String, String> options, String fallback) {
    String c = options.getOrDefault("currency", fallback).strip();
    if (!c.matches("[A-Za-z]{3}")) {
      throw new IllegalArgumentException("option currency: expected a three-letter ISO 4217 code");
    }
    return c.toUpperCase(java.util.Locale.ROOT);
  }

  /** The field separator of a CSV: one character ({@code ,} by default), or {@code tab}. */
  static char separator(Map<String, String> options) {
    String s = options.getOrDefault("separator", ",");
    if (s.equals("\\t") || s.equals("tab")) {
      return '\t';
    }
    if (s.length() != 1 || s.charAt(0) == '"' || s.charAt(0) == '\n' || s.charAt(0) == '\r') {
      throw new IllegalArgumentException("option separator: expected one character such as ; or tab");
    }
    return s.charAt(0);
  }
}
