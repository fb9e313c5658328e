package io.shopsense.platform;

import io.shopsense.core.recommend.serve.ModelSetTrainer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the platform trains, keeps and swaps recommendation models.
 *
 * @param modelsDir          where model sets are written, one folder per version
 * @param versionsKept       how many versions stay on disk (the served one included), at least 1
 * @param erasureCheckEvery  how often the platform checks whether a person was erased since the served set was
 *                           trained (and retrains at once if so); zero turns the check off (call
 *                           {@link RecommendationModels#retrainIfErased()} yourself)
 * @param contextCacheSize   how many persons' serving contexts are kept in memory, at least 1
 * @param contextTtl         how long a cached context is served before it is read again (positive)
 * @param training           what the trainer needs (minimum interactions, hybrid tuning, weights)
 */
public record RecommendSettings(Path modelsDir, int versionsKept, Duration erasureCheckEvery, int contextCacheSize,
    Duration contextTtl, ModelSetTrainer.Settings training) {

  public RecommendSettings {
    Objects.requireNonNull(modelsDir, "recommend.models-dir must be set");
    if (versionsKept < 1) {
      throw new IllegalArgumentException("recommend.versions-kept must be at least 1, was " + versionsKept);
    }
    if (erasureCheckEvery == null || erasureCheckEvery.isNegative()) {
      throw new IllegalArgumentException("recommend.erasure-check-every must be zero or positive, was "
          + erasureCheckEvery);
    }
    if (contextCacheSize < 1) {
      throw new IllegalArgumentException("recommend.context-cache-size must be at least 1, was " + contextCacheSize);
    }
    if (contextTtl == null || contextTtl.isNegative() || contextTtl.isZero()) {
      throw new IllegalArgumentException("recommend.context-ttl must be positive, was " + contextTtl);
    }
    Objects.requireNonNull(training, "training");
  }

  /**
   * Models under {@code dataDir/models}, three versions kept, erasures checked every minute; the serving contexts of
   * up to 100,000 persons kept for five minutes (a context is the person's region, segments, interests and the
   * products they bought at the last training: slow to change, and costly to read per request).
   */
  public static RecommendSettings defaults(Path dataDir) {
    return new RecommendSettings(dataDir.resolve("models"), 3, Duration.ofMinutes(1), 100_000, Duration.ofMinutes(5),
        ModelSetTrainer.Settings.DEFAULT);
  }

  public RecommendSettings withContextCache(int size, Duration ttl) {
    return new RecommendSettings(modelsDir, versionsKept, erasureCheckEvery, size, ttl, training);
  }

  public RecommendSettings withTraining(ModelSetTrainer.Settings training) {
    return new RecommendSettings(modelsDir, versionsKept, erasureCheckEvery, contextCacheSize, contextTtl, training);
  }

  public RecommendSettings withErasureCheckEvery(Duration every) {
    return new RecommendSettings(modelsDir, versionsKept, every, contextCacheSize, contextTtl, training);
  }
}
