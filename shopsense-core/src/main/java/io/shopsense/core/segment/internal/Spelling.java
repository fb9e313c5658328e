package io.shopsense.core.segment.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Close matches for a misspelt name, for "did you mean" hints. */
final class Spelling {
  /** Words longer than this get no hint: the distance is quadratic, and nobody misspells a paragraph. */
  private static final int LONGEST = 100;

  private Spelling() {}

  /** Up to three candidates within a few edits of the word (case aside), closest first, then by name. */
  static List<String> closest(String word, Collection<String> candidates) {
    if (word.length() > LONGEST) {
      return List.of();
    }
    Map<String, Integer> near = new TreeMap<>();
    for (String c : candidates) {
      int d = distance(word, c);
      if (d <= 2 + word.length() / 6) {
        near.put(c, d);
      }
    }
    return near.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
        .limit(3).map(Map.Entry::getKey).toList();
  }

  /** Edits (insert, delete, replace) from one word to the other, ignoring case. */
  static int distance(String a, String b) {
    String s = a.toLowerCase(Locale.ROOT);
    String t = b.toLowerCase(Locale.ROOT);
    int[] previous = new int[t.length() + 1];
    int[] current = new int[t.length() + 1];
    for (int j = 0; j <= t.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= s.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= t.length(); j++) {
        int replace = previous[j - 1] + (s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[t.length()];
  }

  /** A value for a message: at most 40 characters of it. */
  static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
