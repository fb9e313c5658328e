package io.shopsense.core.recommend;

import io.shopsense.core.recommend.internal.ItemKnnModel;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Item-kNN with cosine similarity and shrinkage (see {@link io.shopsense.core.recommend.internal.ItemKnnModel} for
 * the formulas). Which co-signal it learns (co-view, co-cart, co-purchase) is chosen by the matrix it is given.
 */
public final class ItemKnnRecommender implements Recommender {
  private final Clock clock;
  private final Settings settings;

  /**
   * @param neighbours how many neighbours each item keeps (memory and serving cost grow with it), at least 1
   * @param shrinkage added to the cosine's denominator, damping pairs with little support; at least 0
   */
  public record Settings(int neighbours, double shrinkage) {
    public static final Settings DEFAULT = new Settings(100, 10);

    public Settings {
      if (neighbours < 1) {
        throw new IllegalArgumentException("neighbours must be >= 1: " + neighbours);
      }
      if (!(shrinkage >= 0) || Double.isInfinite(shrinkage)) {
        throw new IllegalArgumentException("shrinkage must be finite and >= 0: " + shrinkage);
      }
    }
  }

  public ItemKnnRecommender(Clock clock, Settings settings) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public String name() {
    return ItemKnnModel.NAME;
  }

  @Override
  public RecommenderSettings settings() {
    return RecommenderSettings.of(name(),
        Map.of("neighbours", settings.neighbours(), "shrinkage", settings.shrinkage()));
  }

  /**
   * A served item-kNN model from neighbour lists computed elsewhere (the Spark co-occurrence job): an ordinary
   * {@link RecommenderModel} named {@code item-knn}, in the same byte format; see
   * {@link ItemKnnModel#fromNeighbours}. {@code settings} names how the lists were computed (e.g.
   * {@code engine=spark}, neighbours, shrinkage), so its digest tells such a model from one trained here.
   *
   * @throws IllegalArgumentException when the lists do not fit the matrix
   */
  public static ItemKnnModel fromNeighbours(RecommenderSettings settings, Instant trainedAt,
      Interactions interactions, int[][] neighbours, double[][] similarities) {
    if (!settings.recommender().equals(ItemKnnModel.NAME)) {
      throw new IllegalArgumentException("neighbour lists need settings of recommender '" + ItemKnnModel.NAME
          + "', not '" + settings.recommender() + "'");
    }
    return ItemKnnModel.fromNeighbours(settings.digest(interactions), trainedAt, interactions, neighbours,
        similarities);
  }

  @Override
  public ItemKnnModel train(Interactions interactions) {
    return ItemKnnModel.train(settings().digest(interactions), clock.instant(), interactions,
        settings.neighbours(), settings.shrinkage());
  }
}
