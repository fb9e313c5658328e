/**
 * Offline evaluation of recommenders, independent of any model: a {@link io.shopsense.core.recommend.eval.TemporalSplit}
 * of {@link io.shopsense.core.recommend.Interaction}s at a time T into train and per-user ground truth, an
 * {@link io.shopsense.core.recommend.eval.OfflineEvaluator} that ranks the whole catalog for every test user (no
 * sampled negatives) through a plain ranking or scoring function and averages the
 * {@link io.shopsense.core.recommend.eval.RankingMetrics} into an
 * {@link io.shopsense.core.recommend.eval.EvaluationReport}, and a
 * {@link io.shopsense.core.recommend.eval.ResultTable} comparing models side by side as text or Markdown.
 * Popularity facts of the train half (counts, head items, shares) are
 * {@link io.shopsense.core.recommend.eval.ItemPopularity}.
 */
package io.shopsense.core.recommend.eval;

import io.shopsense.core.recommend.Interaction;