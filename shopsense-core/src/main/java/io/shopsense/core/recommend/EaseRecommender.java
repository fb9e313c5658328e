package io.shopsense.core.recommend;

import io.shopsense.core.recommend.internal.EaseModel;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * EASE^R, closed form (see {@link io.shopsense.core.recommend.internal.EaseModel}). Its item-item matrix is dense, so
 * training needs about {@code 2 · 8 · n²} bytes and {@code O(n³)} time for {@code n} items; it refuses a matrix with
 * more than {@link Settings#maxItems()} items instead of running out of memory.
 */
public final class EaseRecommender implements Recommender {
  private final Clock clock;
  private final Settings settings;

  /**
   * @param lambda L2 regularisation added to the Gram matrix's diagonal; positive
   * @param maxItems the largest catalog it trains on (25,000 ≈ 5 GB of doubles for P and B); at most 46,340 so that
   *     n² fits an array
   */
  public record Settings(double lambda, int maxItems) {
    public static final Settings DEFAULT = new Settings(500, 25_000);

    public Settings {
      if (!(lambda > 0) || Double.isInfinite(lambda)) {
        throw new IllegalArgumentException("lambda must be finite and > 0: " + lambda);
      }
      if (maxItems < 1 || maxItems > 46_340) {
        throw new IllegalArgumentException("maxItems must be in [1, 46340]: " + maxItems);
      }
    }
  }

  public EaseRecommender(Clock clock, Settings settings) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public String name() {
    return EaseModel.NAME;
  }

  @Override
  public RecommenderSettings settings() {
    return RecommenderSettings.of(name(), Map.of("lambda", settings.lambda(), "max-items", settings.maxItems()));
  }

  @Override
  public EaseModel train(Interactions interactions) {
    int n = interactions.itemCount();
    if (n > settings.maxItems()) {
      long gigabytes = Math.round(2.0 * 8 * n * n / 1e9);
      throw new IllegalArgumentException("EASE^R refuses " + n + " items: more than max-items " + settings.maxItems()
          + " (its dense item × item matrices would need about " + gigabytes + " GB). Filter to the active items, "
          + "raise max-items, or use item-kNN / ALS for a catalog this large.");
    }
    return EaseModel.train(settings().digest(interactions), clock.instant(), interactions, settings.lambda());
  }
}
