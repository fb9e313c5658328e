package io.shopsense.server.recommend;

import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.serve.CatalogView;
import io.shopsense.core.recommend.serve.ModelSet;
import io.shopsense.core.recommend.serve.RecommendationRequest;
import io.shopsense.core.recommend.serve.Recommendations;
import io.shopsense.platform.Platform;

/** INTERIM until the platform's model holder lands (rec-train): serves nothing, changes nothing. */
final class PlatformRecommendationBackend implements RecommendationBackend {
  private final Platform platform;

  PlatformRecommendationBackend(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Recommendations recommend(RecommendationRequest request) {
    throw new UnsupportedOperationException("interim");
  }

  @Override
  public CatalogView catalog() {
    return CatalogView.EMPTY;
  }

  @Override
  public ModelSet current() {
    return ModelSet.empty();
  }

  @Override
  public void retrain() {
    throw new UnsupportedOperationException("interim");
  }

  @Override
  public void installPersonal(RecommenderModel model) {
    throw new UnsupportedOperationException("interim");
  }

  @Override
  public boolean retrainIfErased() {
    return false;
  }
}
