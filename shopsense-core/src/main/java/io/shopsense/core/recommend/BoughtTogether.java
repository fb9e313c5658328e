package io.shopsense.core.recommend;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Frequently-bought-together rules mined from baskets (one basket = the set of product ids of one order), for the
 * bundle (cart) and cross-sell (post-purchase) scenes.
 *
 * <p>Pairs are counted exactly (the pair level of FP-growth: the same support, confidence and lift): with {@code N}
 * baskets, {@code n(a)} baskets holding {@code a} and {@code n(a,b)} holding both, the rule {@code a → b} has support
 * {@code n(a,b)/N}, confidence {@code n(a,b)/n(a)} and lift {@code confidence / (n(b)/N)}. A rule is kept when all
 * three reach their minimum. Duplicates inside a basket count once. Baskets with more than
 * {@link Settings#maxBasketSize()} distinct items still count in {@code N} and {@code n(a)}, but not in pairs: a
 * wholesale order of 500 lines would add 125k pairs that say nothing about what goes together.
 *
 * <p>Training is deterministic and reads only the train time from the injected clock. The caller leaves out orders of
 * people without personalisation consent.
 */
public final class BoughtTogether {
  public static final String NAME = "bought-together";

  private final Clock clock;
  private final Settings settings;

  public BoughtTogether(Clock clock, Settings settings) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Minimums for a rule, and the largest basket that counts for pairs.
   *
   * @param minSupport fraction of baskets holding both items, in [0, 1]
   * @param minConfidence fraction of the antecedent's baskets that also hold the consequent, in [0, 1]
   * @param minLift how much more often than chance; 1 = independence, so a value above 1 keeps only positive ties
   * @param maxBasketSize baskets with more distinct items do not count for pairs (≥ 2)
   */
  public record Settings(double minSupport, double minConfidence, double minLift, int maxBasketSize) {
    public static final Settings DEFAULT = new Settings(0.001, 0.05, 1.0, 50);

    public Settings {
      if (!(minSupport >= 0 && minSupport <= 1)) {
        throw new IllegalArgumentException("minSupport must be in [0, 1]: " + minSupport);
      }
      if (!(minConfidence >= 0 && minConfidence <= 1)) {
        throw new IllegalArgumentException("minConfidence must be in [0, 1]: " + minConfidence);
      }
      if (!(minLift >= 0) || Double.isInfinite(minLift)) {
        throw new IllegalArgumentException("minLift must be >= 0 and finite: " + minLift);
      }
      if (maxBasketSize < 2) {
        throw new IllegalArgumentException("maxBasketSize must be >= 2 (a pair): " + maxBasketSize);
      }
    }
  }

  public String name() {
    return NAME;
  }

  public RecommenderSettings settings() {
    return RecommenderSettings.of(NAME, Map.of("min-support", settings.minSupport(),
        "min-confidence", settings.minConfidence(), "min-lift", settings.minLift(),
        "max-basket-size", settings.maxBasketSize()));
  }

  /** Mines the rules; an empty list of baskets gives a model without rules. */
  public BoughtTogetherModel train(Collection<? extends Collection<String>> baskets) {
    Objects.requireNonNull(baskets, "baskets");
    Map<String, Integer> itemCounts = new HashMap<>();
    Map<String, Map<String, Integer>> pairCounts = new HashMap<>();
    int n = 0;
    for (Collection<String> basket : baskets) {
      // sorted so that each unordered pair is counted once, under its smaller id
      TreeSet<String> items = new TreeSet<>(basket);
      n++;
      items.forEach(i -> itemCounts.merge(i, 1, Integer::sum));
      if (items.size() > settings.maxBasketSize()) {
        continue;
      }
      String[] sorted = items.toArray(String[]::new);
      for (int x = 0; x < sorted.length; x++) {
        Map<String, Integer> row = pairCounts.computeIfAbsent(sorted[x], k -> new HashMap<>());
        for (int y = x + 1; y < sorted.length; y++) {
          row.merge(sorted[y], 1, Integer::sum);
        }
      }
    }
    List<BoughtTogetherModel.Rule> rules = new ArrayList<>();
    final int total = n;
    pairCounts.forEach((a, row) -> row.forEach((b, both) -> {
      addIfStrong(rules, a, b, both, itemCounts.get(a), itemCounts.get(b), total);
      addIfStrong(rules, b, a, both, itemCounts.get(b), itemCounts.get(a), total);
    }));
    return new BoughtTogetherModel(SettingsDigest.of(settings(), "baskets"), clock.instant(), n, rules);
  }

  private void addIfStrong(List<BoughtTogetherModel.Rule> rules, String antecedent, String consequent, int both,
      int antecedentCount, int consequentCount, int total) {
    double support = (double) both / total;
    double confidence = (double) both / antecedentCount;
    double lift = confidence / ((double) consequentCount / total);
    if (support >= settings.minSupport() && confidence >= settings.minConfidence() && lift >= settings.minLift()) {
      rules.add(new BoughtTogetherModel.Rule(antecedent, consequent, both, support, confidence, lift));
    }
  }
}
