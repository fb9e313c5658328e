package io.shopsense.core.recommend.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;

/**
 * Ranks the whole catalog for every user with truth and averages the {@link RankingMetrics}: full ranking, no sampled
 * negatives, so the figures match what a person would actually be shown.
 *
 * <p>A model plugs in either as a ranking function (user → items, best first; it may return fewer items than the
 * catalog, which then count as unranked) or as a scoring function (user, item) → score, which the evaluator applies
 * to every catalog item. Before measuring, each ranking is cleaned: duplicates keep their first place, items outside
 * the catalog are dropped (they could not be served), and, by default, items the user already had in train are
 * dropped. Evaluation is sequential and deterministic; one evaluator may be reused for many models.
 */
public final class OfflineEvaluator {

  private final Map<String, Set<String>> truth;
  private final Map<String, Set<String>> trainItems;
  private final List<String> catalog;
  private final Set<String> catalogSet;
  private final ItemPopularity popularity;
  private final ToDoubleBiFunction<String, String> similarity;
  private final EvaluationSettings settings;

  /**
   * @param split      the split whose truth is measured and whose train half gives popularity and exclusions
   * @param catalog    every item that may be recommended (distinct ids); order does not matter
   * @param similarity item similarity in [0, 1] for intra-list diversity, e.g. 1 when two items share a category
   * @param settings   cut-offs and exclusion
   */
  public OfflineEvaluator(Split split, List<String> catalog, ToDoubleBiFunction<String, String> similarity,
              EvaluationSettings settings) {
    this(split.truth(), split.trainItems(), catalog, ItemPopularity.of(split.train(), catalog), similarity,
        settings);
  }

  /**
   * The general form, for a truth built some other way. Users with an empty truth set are skipped (their accuracy is
   * undefined).
   */
  public OfflineEvaluator(Map<String, Set<String>> truth, Map<String, Set<String>> trainItems,
              List<String> catalog, ItemPopularity popularity,
              ToDoubleBiFunction<String, String> similarity, EvaluationSettings settings) {
    this.truth = Objects.requireNonNull(truth, "truth");
    this.trainItems = Objects.requireNonNull(trainItems, "trainItems");
    this.catalog = List.copyOf(catalog);
    this.catalogSet = Set.copyOf(catalog);
    if (catalogSet.size() != this.catalog.size()) {
      throw new IllegalArgumentException("catalog ids must be distinct");
    }
    this.popularity = Objects.requireNonNull(popularity, "popularity");
    this.similarity = Objects.requireNonNull(similarity, "similarity");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Evaluates a model given as user → ranked items (never null; may be empty or shorter than the catalog). */
  public EvaluationReport evaluate(Function<String, List<String>> ranker) {
    Accumulator acc = new Accumulator();
    truth.forEach((user, relevant) -> {
      if (!relevant.isEmpty()) {
        List<String> raw = Objects.requireNonNull(ranker.apply(user), () -> "ranking for " + user);
        acc.add(clean(user, raw), relevant);
      }
    });
    return acc.report();
  }

  /**
   * Evaluates a model given as a score per (user, item), higher is better, applied to every catalog item that is
   * not excluded. Equal scores rank in item id order so that results do not depend on hash order; NaN ranks last.
   */
  public EvaluationReport evaluateScores(ToDoubleBiFunction<String, String> scorer) {
    return evaluate(user -> rankByScore(user, scorer));
  }

  private List<String> rankByScore(String user, ToDoubleBiFunction<String, String> scorer) {
    Set<String> excluded = excludedFor(user);
    List<String> candidates = new ArrayList<>(catalog.size());
    for (String item : catalog) {
      if (!excluded.contains(item)) {
        candidates.add(item);
      }
    }
    double[] scores = new double[candidates.size()];
    Integer[] order = new Integer[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      double score = scorer.applyAsDouble(user, candidates.get(i));
      scores[i] = Double.isNaN(score) ? Double.NEGATIVE_INFINITY : score;
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -scores[i])
        .thenComparing(i -> candidates.get(i)));
    List<String> ranking = new ArrayList<>(order.length);
    for (Integer i : order) {
      ranking.add(candidates.get(i));
    }
    return ranking;
  }

  private List<String> clean(String user, List<String> raw) {
    Set<String> excluded = excludedFor(user);
    Set<String> kept = new LinkedHashSet<>();
    for (String item : raw) {
      if (catalogSet.contains(item) && !excluded.contains(item)) {
        kept.add(item);
      }
    }
    return new ArrayList<>(kept);
  }

  private Set<String> excludedFor(String user) {
    return settings.excludeTrainItems() ? trainItems.getOrDefault(user, Set.of()) : Set.of();
  }

  /** Sums per-user figures; list metrics keep their own denominators because short lists are skipped. */
  private final class Accumulator {
    private int users;
    private double recall;
    private double ndcg;
    private double mrr;
    private double hits;
    private final Set<String> shown = new HashSet<>();
    private final Mean diversity = new Mean();
    private final Mean novelty = new Mean();
    private final Mean longTail = new Mean();
    private final Mean meanPopularity = new Mean();

    void add(List<String> ranking, Set<String> relevant) {
      users++;
      recall += RankingMetrics.recall(ranking, relevant, settings.recallK());
      hits += RankingMetrics.hit(ranking, relevant, settings.recallK());
      ndcg += RankingMetrics.ndcg(ranking, relevant, settings.ndcgK());
      mrr += RankingMetrics.reciprocalRank(ranking, relevant);
      int listK = settings.listK();
      shown.addAll(ranking.subList(0, Math.min(listK, ranking.size())));
      diversity.add(RankingMetrics.intraListDiversity(ranking, listK, similarity));
      novelty.add(RankingMetrics.novelty(ranking, listK, popularity));
      longTail.add(RankingMetrics.longTailShare(ranking, listK, popularity));
      meanPopularity.add(RankingMetrics.meanPopularity(ranking, listK, popularity));
    }

    EvaluationReport report() {
      double coverage = catalog.isEmpty() ? Double.NaN : (double) shown.size() / catalog.size();
      // A catalog nobody touched in train has no popularity to be biased towards.
      double catalogMean = popularity.catalogMean();
      double bias = catalogMean > 0 ? meanPopularity.value() / catalogMean : Double.NaN;
      return new EvaluationReport(users, settings, mean(recall), mean(ndcg), mean(mrr), mean(hits), coverage,
          diversity.value(), novelty.value(), longTail.value(), bias);
    }

    private double mean(double sum) {
      return users == 0 ? Double.NaN : sum / users;
    }
  }

  private static final class Mean {
    private double sum;
    private int count;

    void add(OptionalDouble value) {
      if (value.isPresent()) {
        sum += value.getAsDouble();
        count++;
      }
    }

    double value() {
      return count == 0 ? Double.NaN : sum / count;
    }
  }
}
