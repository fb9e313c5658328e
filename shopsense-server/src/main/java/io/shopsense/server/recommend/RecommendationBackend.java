package io.shopsense.server.recommend;

import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.serve.CatalogView;
import io.shopsense.core.recommend.serve.ModelSet;
import io.shopsense.core.recommend.serve.RecommendationRequest;
import io.shopsense.core.recommend.serve.Recommendations;

/**
 * What the server's recommendation endpoints and scheduler ask of the platform: serving, the catalog snapshot served
 * from, and changes of the model set. Implementations swap whole {@link ModelSet}s atomically and are thread-safe;
 * they need not guard against two changes at once ({@link ModelJobs} does).
 */
public interface RecommendationBackend {

  /** Serves one request from the current set (the consent check and rules included). */
  Recommendations recommend(RecommendationRequest request);

  /** The catalog snapshot the service serves from (names for responses). */
  CatalogView catalog();

  /** The set served now ({@link ModelSet#empty()} before any training). */
  ModelSet current();

  /** Trains a new set from the shop's data (persons without personalisation consent and erased ones left out). */
  void retrain();

  /** Serves {@code model} as the personal model of a new version, with the rest of the current set. */
  void installPersonal(RecommenderModel model);

  /**
   * Retrains at once when a person was erased since the current set was trained, so that no served or stored model
   * holds their data any longer; true when it retrained.
   */
  boolean retrainIfErased();
}
