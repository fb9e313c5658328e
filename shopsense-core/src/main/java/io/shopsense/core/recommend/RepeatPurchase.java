package io.shopsense.core.recommend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Repeat purchase of consumables: learns per item the expected replenishment interval and per person when each
 * consumable was last bought, so that {@link RepeatPurchaseModel} can say which consumables are due again.
 *
 * <p>Only {@link InteractionKind#PURCHASE} and {@link InteractionKind#REFUND} records count. For one person and item,
 * purchases at the same instant are one purchase, and a refund cancels that person's latest purchase of the item at or
 * before it (a refunded order was not a replenishment). The gaps between the remaining consecutive purchases, over all
 * people, give the item's interval: their median (the mean of the two middle gaps for an even count), which shrugs
 * off the odd stock-up, kept only with at least {@link Settings#minGaps()} gaps. An item is consumable when the caller
 * says so ({@link #train(Iterable, Set)}) or, when learned ({@link #train(Iterable)}), when at least
 * {@link Settings#minRepeaters()} different people bought it more than once.
 *
 * <p>Training is deterministic and reads only the train time from the injected clock. The caller leaves out records
 * of people without personalisation consent.
 */
public final class RepeatPurchase {
  public static final String NAME = "repeat-purchase";

  private final Clock clock;
  private final Settings settings;

  public RepeatPurchase(Clock clock, Settings settings) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * @param minGaps an item needs at least this many repeat gaps (over all people) for an interval (≥ 1)
   * @param minRepeaters a learned consumable needs at least this many people who bought it more than once (≥ 1)
   * @param window an item is due when its expected replenishment falls before now + window (≥ 0): a reminder a
   *     little ahead of running out
   */
  public record Settings(int minGaps, int minRepeaters, Duration window) {
    public static final Settings DEFAULT = new Settings(5, 3, Duration.ofDays(3));

    public Settings {
      if (minGaps < 1) {
        throw new IllegalArgumentException("minGaps must be >= 1: " + minGaps);
      }
      if (minRepeaters < 1) {
        throw new IllegalArgumentException("minRepeaters must be >= 1: " + minRepeaters);
      }
      Objects.requireNonNull(window, "window");
      if (window.isNegative()) {
        throw new IllegalArgumentException("window must be >= 0: " + window);
      }
    }
  }

  public String name() {
    return NAME;
  }

  public RecommenderSettings settings() {
    return RecommenderSettings.of(NAME, Map.of("min-gaps", settings.minGaps(),
        "min-repeaters", settings.minRepeaters(), "window", settings.window()));
  }

  /** Trains with consumables learned from the data (enough repeaters). */
  public RepeatPurchaseModel train(Iterable<Interaction> records) {
    return train(records, Optional.empty());
  }

  /** Trains with the given consumables (e.g. from the catalog); an item outside the set is never due. */
  public RepeatPurchaseModel train(Iterable<Interaction> records, Set<String> consumables) {
    return train(records, Optional.of(Set.copyOf(consumables)));
  }

  private RepeatPurchaseModel train(Iterable<Interaction> records, Optional<Set<String>> given) {
    Objects.requireNonNull(records, "records");
    // user → item → its purchase and refund records
    Map<String, Map<String, List<Interaction>>> histories = new HashMap<>();
    for (Interaction r : records) {
      if (r.kind() == InteractionKind.PURCHASE || r.kind() == InteractionKind.REFUND) {
        histories.computeIfAbsent(r.user(), u -> new HashMap<>())
            .computeIfAbsent(r.item(), i -> new ArrayList<>()).add(r);
      }
    }
    Map<String, List<Duration>> gaps = new HashMap<>();
    Map<String, Integer> repeaters = new HashMap<>();
    Map<String, Map<String, Instant>> lastPurchases = new TreeMap<>();
    histories.forEach((user, items) -> items.forEach((item, list) -> {
      List<Instant> bought = purchasesAfterRefunds(list);
      if (bought.isEmpty()) {
        return;
      }
      lastPurchases.computeIfAbsent(user, u -> new TreeMap<>()).put(item, bought.get(bought.size() - 1));
      for (int k = 1; k < bought.size(); k++) {
        gaps.computeIfAbsent(item, i -> new ArrayList<>()).add(Duration.between(bought.get(k - 1), bought.get(k)));
      }
      if (bought.size() > 1) {
        repeaters.merge(item, 1, Integer::sum);
      }
    }));
    Map<String, Duration> intervals = new TreeMap<>();
    gaps.forEach((item, list) -> {
      if (list.size() >= settings.minGaps()) {
        intervals.put(item, median(list));
      }
    });
    Set<String> consumables = given.orElseGet(() -> {
      Set<String> learned = new HashSet<>();
      repeaters.forEach((item, count) -> {
        if (count >= settings.minRepeaters()) {
          learned.add(item);
        }
      });
      return learned;
    });
    // only consumables with an interval can ever be due, so only their last purchases are kept
    lastPurchases.values().forEach(row -> row.keySet().removeIf(i -> !consumables.contains(i)
        || !intervals.containsKey(i)));
    lastPurchases.values().removeIf(Map::isEmpty);
    String input = given.isPresent() ? "purchases+given-consumables" : "purchases";
    return new RepeatPurchaseModel(SettingsDigest.of(settings(), input), clock.instant(), settings.window(),
        intervals, consumables, lastPurchases);
  }

  /** Distinct purchase instants in order, each refund removing the latest purchase at or before it. */
  private static List<Instant> purchasesAfterRefunds(List<Interaction> records) {
    List<Interaction> sorted = new ArrayList<>(records);
    // on the same instant the purchase comes first, so an order refunded at once cancels itself
    sorted.sort(Comparator.comparing(Interaction::time).thenComparing(r -> r.kind() == InteractionKind.REFUND));
    List<Instant> bought = new ArrayList<>();
    for (Interaction r : sorted) {
      if (r.kind() == InteractionKind.PURCHASE) {
        if (bought.isEmpty() || !bought.get(bought.size() - 1).equals(r.time())) {
          bought.add(r.time());
        }
      } else if (!bought.isEmpty()) {
        bought.remove(bought.size() - 1);
      }
    }
    return bought;
  }

  static Duration median(List<Duration> values) {
    List<Duration> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.naturalOrder());
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2);
  }
}
