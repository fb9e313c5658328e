package io.shopsense.core.recommend.eval;

import io.shopsense.core.recommend.HybridRecommender;
import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionWeights;
import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.internal.HybridModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Chooses a hybrid's blend weights honestly: it is given <b>only the training records</b> (the caller's test period
 * never reaches it), carves a validation split out of them at {@code validationCutoff} (members train before it, the
 * purchases at or after it are the validation truth, warm users only, their earlier items excluded as in
 * {@link OfflineEvaluator}), trains the members once, and scores every weight vector of a grid on the simplex (weights
 * in steps of {@code 1 / steps}, summing to 1) by mean NDCG@10 over the full catalog ranking, ties broken by
 * Recall@20, then by grid order. The caller then retrains the hybrid with the chosen weights on the whole training
 * period. Stateless and deterministic (the same records, members and grid give the same choice).
 */
public final class HybridTuner {
  static final int NDCG_K = 10;
  static final int RECALL_K = 20;

  private HybridTuner() {
  }

  /**
   * The chosen weights and their validation figures.
   *
   * @param weights          one per member, summing to 1
   * @param ndcg             mean NDCG@10 on the validation split
   * @param recall           mean Recall@20 on the validation split
   * @param validationCutoff where the training records were split
   * @param users            validation users measured
   * @param candidates       weight vectors tried
   */
  public record Result(double[] weights, double ndcg, double recall, Instant validationCutoff, int users,
      int candidates) {
  }

  /**
   * @param hybrid           the members (their current weights are ignored)
   * @param train            the training records only
   * @param validationCutoff inside the training period, e.g. 30 days before its end
   * @param weights          event weights for the hybrid's matrix
   * @param memberMatrices   (records, cutoff) → one matrix per member, over the same records (lets popularity decay
   *                         relative to the validation cutoff)
   * @param steps            grid resolution: weights are multiples of 1 / steps
   */
  public static Result tune(HybridRecommender hybrid, List<Interaction> train, Instant validationCutoff,
      InteractionWeights weights, BiFunction<List<Interaction>, Instant, List<Interactions>> memberMatrices,
      int steps) {
    Objects.requireNonNull(hybrid, "hybrid");
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1: " + steps);
    }
    Split split = TemporalSplit.split(train, SplitOptions.at(validationCutoff));
    if (split.truth().isEmpty()) {
      throw new IllegalArgumentException("no warm user purchased between " + validationCutoff
          + " and the end of the training records: move the validation cutoff earlier");
    }
    Interactions matrix = Interactions.of(split.train(), weights);
    HybridModel model = hybrid.train(matrix, memberMatrices.apply(split.train(), validationCutoff));
    int members = hybrid.members().size();
    List<double[]> grid = simplex(members, steps);
    double[] ndcg = new double[grid.size()];
    double[] recall = new double[grid.size()];
    int users = 0;
    for (var entry : split.truth().entrySet()) {
      OptionalInt user = matrix.userIndex(entry.getKey());
      if (user.isEmpty()) {
        continue;
      }
      users++;
      double[][] norm = new double[members][];
      for (int m = 0; m < members; m++) {
        norm[m] = model.normalised(m, user.getAsInt());
      }
      boolean[] excluded = new boolean[matrix.itemCount()];
      for (String item : split.trainItems().getOrDefault(entry.getKey(), Set.of())) {
        matrix.itemIndex(item).ifPresent(i -> excluded[i] = true);
      }
      double[] blended = new double[matrix.itemCount()];
      for (int g = 0; g < grid.size(); g++) {
        java.util.Arrays.fill(blended, 0);
        double[] w = grid.get(g);
        for (int m = 0; m < members; m++) {
          if (w[m] != 0) {
            for (int i = 0; i < blended.length; i++) {
              blended[i] += w[m] * norm[m][i];
            }
          }
        }
        List<String> top = top(blended, excluded, RECALL_K, matrix);
        ndcg[g] += RankingMetrics.ndcg(top, entry.getValue(), NDCG_K);
        recall[g] += RankingMetrics.recall(top, entry.getValue(), RECALL_K);
      }
    }
    int best = 0;
    for (int g = 1; g < grid.size(); g++) {
      if (ndcg[g] > ndcg[best] || (ndcg[g] == ndcg[best] && recall[g] > recall[best])) {
        best = g;
      }
    }
    int n = Math.max(users, 1);
    return new Result(grid.get(best), ndcg[best] / n, recall[best] / n, validationCutoff, users, grid.size());
  }

  /** Every vector of {@code members} multiples of 1/steps summing to 1, in lexicographic order of the counts. */
  static List<double[]> simplex(int members, int steps) {
    List<double[]> out = new ArrayList<>();
    fill(new int[members], 0, steps, steps, out);
    return out;
  }

  private static void fill(int[] counts, int position, int left, int steps, List<double[]> out) {
    if (position == counts.length - 1) {
      counts[position] = left;
      double[] w = new double[counts.length];
      for (int m = 0; m < w.length; m++) {
        w[m] = (double) counts[m] / steps;
      }
      out.add(w);
      return;
    }
    for (int c = left; c >= 0; c--) {
      counts[position] = c;
      fill(counts, position + 1, left - c, steps, out);
    }
  }

  /** The best k allowed items by score, ties by the lower index (item id order), as the evaluator breaks them. */
  static List<String> top(double[] scores, boolean[] excluded, int k, Interactions matrix) {
    int[] best = new int[k];
    int size = 0;
    for (int i = 0; i < scores.length; i++) {
      if (excluded[i]) {
        continue;
      }
      if (size < k) {
        best[size++] = i;
      } else if (scores[i] > scores[best[k - 1]]) {
        best[k - 1] = i;
      } else {
        continue;
      }
      // insertion: move the new entry up while strictly better (equal scores keep the earlier, lower index first)
      for (int p = size - 1; p > 0 && scores[best[p]] > scores[best[p - 1]]; p--) {
        int t = best[p];
        best[p] = best[p - 1];
        best[p - 1] = t;
      }
    }
    List<String> out = new ArrayList<>(size);
    for (int p = 0; p < size; p++) {
      out.add(matrix.itemId(best[p]));
    }
    return out;
  }
}
