package io.shopsense.core.recommend.eval;

/**
 * One model's averaged metrics. Accuracy metrics are means over the {@code users} evaluated (users with non-empty
 * truth; a user the model had no ranking for counts with zeros). List metrics are means over the users whose list
 * was long enough to measure (at least one item, two for diversity); NaN when no list qualified.
 *
 * @param users          users evaluated (non-empty truth)
 * @param settings       the cut-offs used
 * @param recall         mean Recall@recallK
 * @param ndcg           mean NDCG@ndcgK
 * @param mrr            mean reciprocal rank over the whole (filtered) ranking
 * @param hitRate        share of users with a relevant item in the top recallK
 * @param coverage       distinct items in all top-listK lists / catalog size
 * @param diversity      mean intra-list diversity of the top listK
 * @param novelty        mean novelty (bits) of the top listK
 * @param longTailShare  mean share of the top listK outside the popularity head
 * @param popularityBias mean train popularity of the top listK / mean popularity over the catalog (1 = neutral)
 */
public record EvaluationReport(int users, EvaluationSettings settings, double recall, double ndcg, double mrr,
               double hitRate, double coverage, double diversity, double novelty,
               double longTailShare, double popularityBias) {
}
