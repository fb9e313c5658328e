package io.shopsense.server.recommend;

import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.serve.CatalogView;
import io.shopsense.core.recommend.serve.ModelSet;
import io.shopsense.core.recommend.serve.RecommendationRequest;
import io.shopsense.core.recommend.serve.Recommendations;
import io.shopsense.platform.Platform;
import io.shopsense.platform.RecommendationModels;
import java.util.concurrent.Callable;

/** The platform's {@link RecommendationModels} and serving path. */
final class PlatformRecommendationBackend implements RecommendationBackend {
  private final Platform platform;

  PlatformRecommendationBackend(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Recommendations recommend(RecommendationRequest request) {
    return platform.recommendationService().recommend(request);
  }

  @Override
  public CatalogView catalog() {
    return platform.recommendations().catalog();
  }

  @Override
  public ModelSet current() {
    return platform.recommendations().current();
  }

  @Override
  public void retrain() {
    call(() -> platform.recommendations().retrain());
  }

  @Override
  public void installPersonal(RecommenderModel model) {
    platform.recommendations().installPersonal(model);
  }

  @Override
  public boolean retrainIfErased() {
    return call(() -> platform.recommendations().retrainIfErased());
  }

  private static <T> T call(Callable<T> training) {
    try {
      return training.call();
    } catch (Exception e) {
      throw new ModelTrainingException(e);
    }
  }

  /** A training failed (reading the lake, training, writing the models): a server fault, never a client's. */
  static final class ModelTrainingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ModelTrainingException(Exception cause) {
      super("training the recommendation models failed (" + cause.getClass().getSimpleName() + ")", cause);
    }
  }
}
