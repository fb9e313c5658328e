package io.shopsense.core.recommend.eval;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;

/**
 * The per-user metrics of one ranking, with binary relevance (an item is relevant when it is in the user's truth).
 * A ranking is taken as given: the {@link OfflineEvaluator} removes duplicates and excluded items before calling
 * these. {@code k} larger than the ranking simply uses the whole ranking (a short list is not padded, it is
 * penalised by its missing hits).
 *
 * <p>Accuracy metrics require a non-empty truth (they are undefined otherwise and throw); list metrics answer empty
 * when the list is too short to say anything.
 */
public final class RankingMetrics {

  private RankingMetrics() {
  }

  /** |top-k ∩ truth| / |truth|. */
  public static double recall(List<String> ranking, Set<String> truth, int k) {
    requireTruth(truth);
    return (double) hits(ranking, truth, k) / truth.size();
  }

  /** 1 when any of the top k is relevant, else 0. */
  public static double hit(List<String> ranking, Set<String> truth, int k) {
    requireTruth(truth);
    return hits(ranking, truth, k) > 0 ? 1.0 : 0.0;
  }

  /**
   * DCG@k / IDCG@k with gain 1 at 1-based rank r discounted by log2(r + 1); the ideal puts min(k, |truth|) relevant
   * items first, so a user with fewer relevant items than k can still reach 1.
   */
  public static double ndcg(List<String> ranking, Set<String> truth, int k) {
    requireTruth(truth);
    requireK(k);
    double dcg = 0;
    int depth = Math.min(k, ranking.size());
    for (int i = 0; i < depth; i++) {
      if (truth.contains(ranking.get(i))) {
        dcg += discount(i + 1);
      }
    }
    double ideal = 0;
    for (int r = 1; r <= Math.min(k, truth.size()); r++) {
      ideal += discount(r);
    }
    return dcg / ideal;
  }

  /** 1 / (1-based rank of the first relevant item in the whole ranking), 0 when none is ranked. */
  public static double reciprocalRank(List<String> ranking, Set<String> truth) {
    requireTruth(truth);
    for (int i = 0; i < ranking.size(); i++) {
      if (truth.contains(ranking.get(i))) {
        return 1.0 / (i + 1);
      }
    }
    return 0.0;
  }

  /**
   * 1 − the mean similarity over the unordered pairs of the top k, under {@code similarity} (symmetric, in [0, 1],
   * e.g. 1 for the same category); empty for fewer than two items, where diversity means nothing.
   */
  public static OptionalDouble intraListDiversity(List<String> ranking, int k,
                          ToDoubleBiFunction<String, String> similarity) {
    requireK(k);
    int depth = Math.min(k, ranking.size());
    if (depth < 2) {
      return OptionalDouble.empty();
    }
    double sum = 0;
    int pairs = 0;
    for (int i = 0; i < depth; i++) {
      for (int j = i + 1; j < depth; j++) {
        sum += similarity.applyAsDouble(ranking.get(i), ranking.get(j));
        pairs++;
      }
    }
    return OptionalDouble.of(1.0 - sum / pairs);
  }

  /** The mean of −log2(smoothed popularity share) over the top k; empty for an empty list. */
  public static OptionalDouble novelty(List<String> ranking, int k, ItemPopularity popularity) {
    requireK(k);
    int depth = Math.min(k, ranking.size());
    if (depth == 0) {
      return OptionalDouble.empty();
    }
    double sum = 0;
    for (int i = 0; i < depth; i++) {
      sum += -Math.log(popularity.smoothedShare(ranking.get(i))) / Math.log(2);
    }
    return OptionalDouble.of(sum / depth);
  }

  /** The fraction of the top k outside the popularity head; empty for an empty list. */
  public static OptionalDouble longTailShare(List<String> ranking, int k, ItemPopularity popularity) {
    requireK(k);
    int depth = Math.min(k, ranking.size());
    if (depth == 0) {
      return OptionalDouble.empty();
    }
    int tail = 0;
    for (int i = 0; i < depth; i++) {
      if (popularity.isLongTail(ranking.get(i))) {
        tail++;
      }
    }
    return OptionalDouble.of((double) tail / depth);
  }

  /** The mean train count of the top k; empty for an empty list. */
  public static OptionalDouble meanPopularity(List<String> ranking, int k, ItemPopularity popularity) {
    requireK(k);
    int depth = Math.min(k, ranking.size());
    if (depth == 0) {
      return OptionalDouble.empty();
    }
    long sum = 0;
    for (int i = 0; i < depth; i++) {
      sum += popularity.count(ranking.get(i));
    }
    return OptionalDouble.of((double) sum / depth);
  }

  private static int hits(List<String> ranking, Set<String> truth, int k) {
    requireK(k);
    int depth = Math.min(k, ranking.size());
    int hits = 0;
    for (int i = 0; i < depth; i++) {
      if (truth.contains(ranking.get(i))) {
        hits++;
      }
    }
    return hits;
  }

  private static double discount(int rank) {
    return Math.log(2) / Math.log(rank + 1.0);
  }

  private static void requireTruth(Set<String> truth) {
    if (truth.isEmpty()) {
      throw new IllegalArgumentException("accuracy is undefined for an empty truth; evaluate only users with truth");
    }
  }

  private static void requireK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1: " + k);
    }
  }
}
