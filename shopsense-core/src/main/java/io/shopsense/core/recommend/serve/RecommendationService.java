package io.shopsense.core.recommend.serve;

import io.shopsense.api.privacy.ConsentCheck;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The serving path: scene candidates from the current {@link ModelSet}, the consent check, cold start, business
 * rules, diversity, exploration and explanations. Thread-safe; reads the model set and catalog once per request, so a
 * swap between two requests is atomic for each.
 */
public final class RecommendationService {
  private final Supplier<ModelSet> models;
  private final Supplier<CatalogView> catalog;
  private final ConsentCheck consent;
  private final PersonContexts contexts;
  private final Map<Scene, SceneSettings> scenes;
  private final Clock clock;

  public RecommendationService(Supplier<ModelSet> models, Supplier<CatalogView> catalog, ConsentCheck consent,
      PersonContexts contexts, Map<Scene, SceneSettings> scenes, Clock clock) {
    this.models = Objects.requireNonNull(models, "models");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.consent = Objects.requireNonNull(consent, "consent");
    this.contexts = Objects.requireNonNull(contexts, "contexts");
    this.scenes = Map.copyOf(scenes);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Recommendations recommend(RecommendationRequest request) {
    throw new UnsupportedOperationException("to be built");
  }
}
