/**
 * Serving recommendations: scenes, the model set trained and swapped as one version, cold start, consent and rules
 * on the request path.
 *
 * <p>{@link io.shopsense.core.recommend.serve.RecommendationService} is the public face: it checks consent first
 * (without it nothing personal is read or used), gathers the scene's candidates (item-kNN, bought together, the
 * personal model, repeat purchase, session-kNN, {@link io.shopsense.core.recommend.serve.ScopedPopularity} per region,
 * segment and category, and content similarity from the {@link io.shopsense.core.recommend.serve.CatalogView} for new
 * items), re-ranks them with the scene's {@link io.shopsense.core.recommend.serve.SceneSettings} and explains each
 * item. The content index lives in {@code internal}.
 */
package io.shopsense.core.recommend.serve;
