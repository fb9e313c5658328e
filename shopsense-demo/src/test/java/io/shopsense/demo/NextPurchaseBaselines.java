package io.shopsense.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Two tiny recommenders to check that the demo shop has structure worth learning — popularity, and item-kNN with
 * cosine similarity over the customers' views and purchases — scored by hit rate at 10 on a temporal split: train on
 * everything before the split, and ask, for each customer who buys after it, whether any product they bought is in
 * the ten recommended. Deliberately naive: not the recommenders ShopSense will ship.
 */
final class NextPurchaseBaselines {
  private final Map<String, Set<String>> historyOfUser = new HashMap<>();
  private final Map<String, Set<String>> boughtAfter = new HashMap<>();
  private final Map<String, Integer> popularity = new HashMap<>();
  private final Map<String, Map<String, Integer>> cooccurrence = new HashMap<>();

  NextPurchaseBaselines(List<ShopAnalysis.Interaction> interactions, Instant split) {
    for (ShopAnalysis.Interaction i : interactions) {
      if (i.at().isBefore(split)) {
        historyOfUser.computeIfAbsent(i.userId(), k -> new HashSet<>()).add(i.productId());
        popularity.merge(i.productId(), i.purchase() ? 5 : 1, Integer::sum);
      } else if (i.purchase()) {
        boughtAfter.computeIfAbsent(i.userId(), k -> new HashSet<>()).add(i.productId());
      }
    }
    for (Set<String> items : historyOfUser.values()) {
      for (String a : items) {
        Map<String, Integer> row = cooccurrence.computeIfAbsent(a, k -> new HashMap<>());
        for (String b : items) {
          row.merge(b, 1, Integer::sum);
        }
      }
    }
  }

  /** The customers the split can score: bought after it and had a history before it. */
  int testUsers() {
    return (int) boughtAfter.keySet().stream().filter(historyOfUser::containsKey).count();
  }

  double popularityHitRate() {
    List<String> top = popularity.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey())).limit(10).map(Map.Entry::getKey).collect(Collectors.toList());
    return hitRate(user -> top);
  }

  double itemKnnHitRate() {
    return hitRate(user -> {
      Map<String, Double> score = new HashMap<>();
      for (String a : historyOfUser.get(user)) {
        Map<String, Integer> row = cooccurrence.get(a);
        double na = Math.sqrt(row.get(a));
        row.forEach((b, n) -> score.merge(b, n / (na * Math.sqrt(cooccurrence.get(b).get(b))), Double::sum));
      }
      return score.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
          .thenComparing(Map.Entry.comparingByKey())).limit(10).map(Map.Entry::getKey).collect(Collectors.toList());
    });
  }

  private double hitRate(Function<String, List<String>> recommend) {
    List<String> users = new ArrayList<>(boughtAfter.keySet());
    users.removeIf(u -> !historyOfUser.containsKey(u));
    long hits = users.stream().filter(u -> recommend.apply(u).stream().anyMatch(boughtAfter.get(u)::contains)).count();
    return hits / (double) users.size();
  }
}
