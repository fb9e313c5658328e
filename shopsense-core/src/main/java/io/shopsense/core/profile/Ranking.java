package io.shopsense.core.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The largest entries of a count map or histogram, ties broken by key so that the answer is deterministic. */
final class Ranking {
  private Ranking() {}

  /** The keys of the {@code n} largest counts, largest first; among equal counts the smaller key first. */
  static List<String> top(Map<String, Long> counts, int n) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(n).map(Map.Entry::getKey).toList();
  }

  /** The indexes (plus {@code base}) of the {@code n} largest non-zero counts, largest first, smaller index on ties. */
  static List<Integer> topIndexes(long[] counts, int n, int base) {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        indexes.add(i);
      }
    }
    indexes.sort(Comparator.<Integer>comparingLong(i -> counts[i]).reversed().thenComparing(i -> i));
    return indexes.stream().limit(n).map(i -> i + base).toList();
  }

  static List<Integer> topIndexes(long[] counts, int n) {
    return topIndexes(counts, n, 0);
  }
}
