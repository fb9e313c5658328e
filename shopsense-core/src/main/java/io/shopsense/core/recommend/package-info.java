/**
 * Recommendations, groundwork: the weighted user × item {@link io.shopsense.core.recommend.Interactions} matrix, the
 * model SPI ({@link io.shopsense.core.recommend.Recommender} trains a serialisable
 * {@link io.shopsense.core.recommend.RecommenderModel} that carries a settings digest and predicts ranked
 * {@link io.shopsense.core.recommend.ScoredItem}s with a typed {@link io.shopsense.core.recommend.Reason}), and the
 * models: recent popularity, item-kNN, EASE^R, implicit ALS (conjugate gradient, with an HNSW index over the item
 * factors for large catalogs) and session-kNN for anonymous visitors. Model internals and the byte format live in
 * {@code internal}. Nothing here is wired into the server yet.
 */
package io.shopsense.core.recommend;
