package io.shopsense.core.recommend;

import io.shopsense.core.recommend.internal.PopularityModel;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Recent popularity: global, and per category when given an item → category map (product id → category name).
 * "Recent" comes from the matrix: build it with a {@link TimeDecay} so old interactions fade. It has no settings of
 * its own; its digest covers the matrix's weighting. The trained model is a
 * {@link io.shopsense.core.recommend.internal.PopularityModel}, which adds {@code recommendInCategory}.
 */
public final class PopularityRecommender implements Recommender {
  private final Clock clock;
  private final Map<String, String> itemCategories;

  public PopularityRecommender(Clock clock) {
    this(clock, Map.of());
  }

  public PopularityRecommender(Clock clock, Map<String, String> itemCategories) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.itemCategories = Map.copyOf(itemCategories);
  }

  @Override
  public String name() {
    return PopularityModel.NAME;
  }

  @Override
  public RecommenderSettings settings() {
    return RecommenderSettings.of(name(), Map.of());
  }

  @Override
  public PopularityModel train(Interactions interactions) {
    return PopularityModel.train(settings().digest(interactions), clock.instant(), interactions, itemCategories);
  }
}
