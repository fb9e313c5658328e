package io.shopsense.core.recommend;

/**
 * A recommendation algorithm with fixed settings: it trains a {@link RecommenderModel} from {@link Interactions}.
 * Training is deterministic (the same matrix, settings and clock give a model with the same recommendations) and
 * does not modify its input; a recommender may be reused for many trainings. Implementations read the train time
 * from an injected {@link java.time.Clock}.
 */
public interface Recommender {

  /** The stable name of the algorithm (also the model's name in its byte format), e.g. {@code item-knn}. */
  String name();

  /** The typed settings in canonical form; their digest goes into every model. */
  RecommenderSettings settings();

  /**
   * Trains a model. Throws {@link IllegalArgumentException} when the data do not fit the algorithm (e.g. too many
   * items for a dense model), with a message that says which limit and what to do.
   */
  RecommenderModel train(Interactions interactions);
}
