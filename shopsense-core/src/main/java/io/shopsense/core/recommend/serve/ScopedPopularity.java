package io.shopsense.core.recommend.serve;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionWeights;
import io.shopsense.core.recommend.ModelBytes;
import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.ScoredItem;
import io.shopsense.core.recommend.TimeDecay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Time-decayed popularity per scope, for cold start and non-personalised lists: {@code global}, {@code category:<c>},
 * {@code segment:<id>}, {@code region:<code>}. Each item carries {@link io.shopsense.core.recommend.Reason.PopularIn}
 * with its scope. Immutable, thread-safe; serialises to bytes.
 *
 * <p>An item's score in a scope is the sum of {@link InteractionWeights#of signed weights} × {@link TimeDecay decay}
 * of the records in that scope (refunds subtract); items whose sum is not positive are left out. A record counts in
 * {@code global}, in {@code category:} of its item's category, and in {@code segment:} and {@code region:} of its
 * person's {@link PersonContext}. Only the best {@link #DEFAULT_KEEP} items of each scope are kept: serving never needs
 * more. Lists are ordered by score, then product id, so equal inputs give equal lists.
 */
public final class ScopedPopularity {
  /** How many items each scope keeps by default. */
  public static final int DEFAULT_KEEP = 1000;
  /** The most items {@link #longTail()} holds: exploration needs a pool, not the whole tail. */
  public static final int LONG_TAIL_CAP = 2000;
  public static final String GLOBAL = Reason.PopularIn.GLOBAL;
  public static final ScopedPopularity EMPTY = new ScopedPopularity(Instant.EPOCH, Map.of(), List.of());

  private static final int MAGIC = 0x53535350; // "SSSP"
  private static final int VERSION = 1;
  private static final Comparator<ScoredItem> BEST_FIRST = Comparator.comparingDouble(ScoredItem::score).reversed()
      .thenComparing(ScoredItem::item);

  private final Instant trainedAt;
  private final Map<String, List<ScoredItem>> byScope;
  private final Map<String, Double> globalScores;
  private final List<String> longTailRanked;
  private final Set<String> longTail;

  private ScopedPopularity(Instant trainedAt, Map<String, List<ScoredItem>> byScope, List<String> longTail) {
    this.trainedAt = trainedAt;
    this.byScope = Map.copyOf(byScope);
    Map<String, Double> global = new HashMap<>();
    for (ScoredItem s : this.byScope.getOrDefault(GLOBAL, List.of())) {
      global.put(s.item(), s.score());
    }
    this.globalScores = Map.copyOf(global);
    this.longTailRanked = List.copyOf(longTail);
    // an immutable set: RerankRequest's Set.copyOf then costs nothing per request
    this.longTail = Set.copyOf(longTail);
  }

  /** The scope of a category: {@code category:<c>}. */
  public static String categoryScope(String category) {
    return "category:" + category;
  }

  /** The scope of a saved segment: {@code segment:<id>}. */
  public static String segmentScope(String segment) {
    return "segment:" + segment;
  }

  /** The scope of a region or country code: {@code region:<code>}. */
  public static String regionScope(String region) {
    return "region:" + region;
  }

  /** {@link #train(Iterable, InteractionWeights, TimeDecay, Instant, Function, Function, int)} keeping 1000. */
  public static ScopedPopularity train(Iterable<Interaction> records, InteractionWeights weights, TimeDecay decay,
      Instant now, Function<String, String> itemCategory, Function<String, PersonContext> personContext) {
    return train(records, weights, decay, now, itemCategory, personContext, DEFAULT_KEEP);
  }

  /**
   * Counts popularity in one pass over {@code records}.
   *
   * @param decay         weighs each record by its age (its reference is usually {@code now})
   * @param now           when this popularity was computed ({@link #trainedAt()})
   * @param itemCategory  product id → category, or null when unknown (then the record counts in no category)
   * @param personContext person id → context, or null when unknown (then the record counts in no segment or region);
   *                      called once per person
   * @param keep          items kept per scope (≥ 1)
   */
  public static ScopedPopularity train(Iterable<Interaction> records, InteractionWeights weights, TimeDecay decay,
      Instant now, Function<String, String> itemCategory, Function<String, PersonContext> personContext, int keep) {
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(decay, "decay");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(itemCategory, "itemCategory");
    Objects.requireNonNull(personContext, "personContext");
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be >= 1: " + keep);
    }
    Map<String, Double> global = new HashMap<>();
    Map<String, Map<String, Double>> personScopes = new HashMap<>();
    Map<String, List<String>> scopesOfPerson = new HashMap<>();
    for (Interaction r : records) {
      double w = weights.of(r.kind(), r.quantity()) * decay.factor(r.time());
      global.merge(r.item(), w, Double::sum);
      for (String scope : scopesOfPerson.computeIfAbsent(r.user(), u -> personScopes(personContext.apply(u)))) {
        personScopes.computeIfAbsent(scope, s -> new HashMap<>()).merge(r.item(), w, Double::sum);
      }
    }
    List<ScoredItem> globalRanked = ranked(global, GLOBAL, Integer.MAX_VALUE);
    Map<String, List<ScoredItem>> byScope = new HashMap<>();
    if (!globalRanked.isEmpty()) {
      byScope.put(GLOBAL, List.copyOf(globalRanked.subList(0, Math.min(keep, globalRanked.size()))));
    }
    // a category's popularity is the global popularity of its items: no second count needed
    Map<String, Map<String, Double>> categories = new HashMap<>();
    for (ScoredItem s : globalRanked) {
      String category = itemCategory.apply(s.item());
      if (category != null && !category.isBlank()) {
        categories.computeIfAbsent(categoryScope(category), c -> new HashMap<>()).put(s.item(), s.score());
      }
    }
    categories.forEach((scope, sums) -> byScope.put(scope, ranked(sums, scope, keep)));
    personScopes.forEach((scope, sums) -> {
      List<ScoredItem> list = ranked(sums, scope, keep);
      if (!list.isEmpty()) {
        byScope.put(scope, list);
      }
    });
    return new ScopedPopularity(now, byScope, longTailOf(globalRanked));
  }

  private static List<String> personScopes(PersonContext context) {
    if (context == null) {
      return List.of();
    }
    List<String> scopes = new ArrayList<>();
    if (!context.region().isBlank()) {
      scopes.add(regionScope(context.region()));
    }
    context.segments().forEach(s -> scopes.add(segmentScope(s)));
    return scopes;
  }

  /** Positive sums, best first, at most {@code keep}, each with {@code PopularIn(scope)}. */
  private static List<ScoredItem> ranked(Map<String, Double> sums, String scope, int keep) {
    Reason reason = new Reason.PopularIn(scope);
    List<ScoredItem> out = new ArrayList<>();
    sums.forEach((item, sum) -> {
      if (sum > 0) {
        out.add(new ScoredItem(item, sum, reason));
      }
    });
    out.sort(BEST_FIRST);
    return out.size() > keep ? List.copyOf(out.subList(0, keep)) : List.copyOf(out);
  }

  /** The items ranked below the median of global popularity, the strongest of them first, at most the cap. */
  private static List<String> longTailOf(List<ScoredItem> globalRanked) {
    int from = (globalRanked.size() + 1) / 2;
    int to = Math.min(globalRanked.size(), from + LONG_TAIL_CAP);
    return globalRanked.subList(from, to).stream().map(ScoredItem::item).toList();
  }

  /** When it was computed. */
  public Instant trainedAt() {
    return trainedAt;
  }

  /** The scopes with at least one popular item. */
  public Set<String> scopes() {
    return byScope.keySet();
  }

  /** Up to {@code n} items of {@code scope}, most popular first, none of {@code exclude}; empty for unknown scopes. */
  public List<ScoredItem> top(String scope, int n, Set<String> exclude) {
    Objects.requireNonNull(exclude, "exclude");
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0: " + n);
    }
    List<ScoredItem> all = byScope.getOrDefault(scope, List.of());
    List<ScoredItem> out = new ArrayList<>(Math.min(n, all.size()));
    for (int i = 0; i < all.size() && out.size() < n; i++) {
      if (!exclude.contains(all.get(i).item())) {
        out.add(all.get(i));
      }
    }
    return out;
  }

  /** The global popularity of {@code item}; 0 when it is not among the kept global items. */
  public double globalScore(String item) {
    return globalScores.getOrDefault(item, 0.0);
  }

  /** The least popular items with any interaction (the long tail exploration may promote). */
  public Set<String> longTail() {
    return longTail;
  }

  /** Magic {@code SSSP}, version, train time, the scopes in name order with their lists, the long tail. */
  public byte[] toBytes() {
    return ModelBytes.write(MAGIC, VERSION, out -> {
      ModelBytes.writeInstant(out, trainedAt);
      Map<String, List<ScoredItem>> sorted = new TreeMap<>(byScope);
      out.writeInt(sorted.size());
      for (Map.Entry<String, List<ScoredItem>> scope : sorted.entrySet()) {
        out.writeUTF(scope.getKey());
        out.writeInt(scope.getValue().size());
        for (ScoredItem s : scope.getValue()) {
          out.writeUTF(s.item());
          out.writeDouble(s.score());
        }
      }
      out.writeInt(longTailRanked.size());
      for (String item : longTailRanked) {
        out.writeUTF(item);
      }
    });
  }

  /** Reads what {@link #toBytes()} wrote; throws {@link IllegalArgumentException} on foreign or truncated bytes. */
  public static ScopedPopularity fromBytes(byte[] bytes) {
    return ModelBytes.read(bytes, MAGIC, VERSION, "scoped-popularity", in -> {
      Instant trainedAt = ModelBytes.readInstant(in);
      Map<String, List<ScoredItem>> byScope = new HashMap<>();
      for (int s = in.readInt(); s > 0; s--) {
        String scope = in.readUTF();
        Reason reason = new Reason.PopularIn(scope);
        int count = in.readInt();
        List<ScoredItem> list = new ArrayList<>(Math.min(count, DEFAULT_KEEP));
        for (int i = 0; i < count; i++) {
          list.add(new ScoredItem(in.readUTF(), in.readDouble(), reason));
        }
        byScope.put(scope, List.copyOf(list));
      }
      List<String> tail = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        tail.add(in.readUTF());
      }
      return new ScopedPopularity(trainedAt, byScope, tail);
    });
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScopedPopularity other && trainedAt.equals(other.trainedAt) && byScope.equals(other.byScope)
        && longTailRanked.equals(other.longTailRanked);
  }

  @Override
  public int hashCode() {
    return Objects.hash(trainedAt, byScope, longTailRanked);
  }

  @Override
  public String toString() {
    return "ScopedPopularity[trainedAt=" + trainedAt + ", scopes=" + byScope.size() + ", longTail=" + longTail.size()
        + "]";
  }
}
