/**
 * Recommendations in a running server: the port to the platform's models and service
 * ({@link io.shopsense.server.recommend.RecommendationBackend}) and the jobs that change the served models one at a
 * time — on demand, on schedule and after an erasure ({@link io.shopsense.server.recommend.ModelJobs}). The HTTP side
 * is {@code io.shopsense.server.web.recommend}.
 */
package io.shopsense.server.recommend;
