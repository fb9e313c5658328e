package io.shopsense.core.recommend.eval;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionWeights;
import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.Recommender;
import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Chooses one of several recommenders (typically one algorithm at several settings, e.g. ALS over a grid of factors,
 * regularisation and confidence slope) the way {@link HybridTuner} chooses blend weights: given <b>only the training
 * records</b>, it carves a validation split at {@code validationCutoff}, trains every candidate on the part before it
 * and scores each by mean NDCG@10 over the full catalog ranking of the warm validation buyers (their earlier items
 * excluded), ties broken by Recall@20, then by list order. The caller retrains the chosen one on all its records.
 * Deterministic when the candidates' training is.
 */
public final class ModelSelection {
  private ModelSelection() {
  }

  /**
   * @param chosen index of the best candidate
   * @param ndcg   mean validation NDCG@10 per candidate
   * @param recall mean validation Recall@20 per candidate
   * @param users  validation users measured
   */
  public record Result(int chosen, double[] ndcg, double[] recall, int users) {
  }

  /** Throws {@link IllegalArgumentException} when no warm user bought in the validation window. */
  public static Result choose(List<? extends Recommender> candidates, List<Interaction> train,
      Instant validationCutoff, InteractionWeights weights) {
    Objects.requireNonNull(weights, "weights");
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("no candidate to choose from");
    }
    Split split = TemporalSplit.split(train, SplitOptions.at(validationCutoff));
    if (split.truth().isEmpty()) {
      throw new IllegalArgumentException("no warm user purchased between " + validationCutoff
          + " and the end of the training records: move the validation cutoff earlier");
    }
    Interactions matrix = Interactions.of(split.train(), weights);
    double[] ndcg = new double[candidates.size()];
    double[] recall = new double[candidates.size()];
    int users = 0;
    for (int c = 0; c < candidates.size(); c++) {
      RecommenderModel model = candidates.get(c).train(matrix);
      users = 0;
      for (var entry : split.truth().entrySet()) {
        OptionalInt user = matrix.userIndex(entry.getKey());
        if (user.isEmpty()) {
          continue;
        }
        users++;
        boolean[] excluded = new boolean[matrix.itemCount()];
        for (String item : split.trainItems().getOrDefault(entry.getKey(), Set.of())) {
          matrix.itemIndex(item).ifPresent(i -> excluded[i] = true);
        }
        List<String> top = HybridTuner.top(model.scoreAll(new UserRef.Known(user.getAsInt())), excluded,
            HybridTuner.RECALL_K, matrix);
        ndcg[c] += RankingMetrics.ndcg(top, entry.getValue(), HybridTuner.NDCG_K);
        recall[c] += RankingMetrics.recall(top, entry.getValue(), HybridTuner.RECALL_K);
      }
    }
    int n = Math.max(users, 1);
    int best = 0;
    for (int c = 0; c < candidates.size(); c++) {
      ndcg[c] /= n;
      recall[c] /= n;
      if (c > 0 && (ndcg[c] > ndcg[best] || (ndcg[c] == ndcg[best] && recall[c] > recall[best]))) {
        best = c;
      }
    }
    return new Result(best, ndcg, recall, users);
  }
}
