/**
 * The recommendations API: serving a scene's list ({@code GET /v1/recommendations}), the models' state and changes
 * ({@code /v1/recommendations/models/**}), and click-through and conversion per model version and scene
 * ({@code GET /v1/recommendations/performance}); the serve timer for Micrometer.
 */
package io.shopsense.server.web.recommend;
