package io.shopsense.core.recommend.eval;

/**
 * The cut-offs and the exclusion rule of an evaluation.
 *
 * @param recallK           the cut-off of recall and hit rate
 * @param ndcgK             the cut-off of NDCG
 * @param listK             the length of the list a person sees: the cut-off of coverage, intra-list diversity,
 *                          novelty, long-tail share and popularity bias
 * @param excludeTrainItems whether items the user already had in train are removed from their ranking (the usual
 *                          protocol: re-recommending them is trivially "correct" for repeat buyers and hides
 *                          discovery); switch off to evaluate replenishment models
 */
public record EvaluationSettings(int recallK, int ndcgK, int listK, boolean excludeTrainItems) {

  public EvaluationSettings {
    if (recallK < 1 || ndcgK < 1 || listK < 1) {
      throw new IllegalArgumentException(
          "cut-offs must be at least 1: recall@" + recallK + " ndcg@" + ndcgK + " list@" + listK);
    }
  }

  /** Recall@20, NDCG@10, lists of 10, train items excluded. */
  public static EvaluationSettings defaults() {
    return new EvaluationSettings(20, 10, 10, true);
  }

  /** The deepest cut-off: how much of a ranking the top-k metrics read. */
  public int depth() {
    return Math.max(recallK, Math.max(ndcgK, listK));
  }
}
