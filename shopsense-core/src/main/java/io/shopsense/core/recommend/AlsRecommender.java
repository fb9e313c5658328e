package io.shopsense.core.recommend;

import io.shopsense.core.recommend.internal.AlsModel;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.DoubleConsumer;

/**
 * Implicit-feedback ALS (Hu, Koren, Volinsky) trained with conjugate gradient (Takács et al.); see
 * {@link io.shopsense.core.recommend.internal.AlsModel}. A stored cell's weight {@code w} becomes confidence
 * {@code 1 + α·w} in preference 1; absent cells are preference 0 with confidence 1. Memory is
 * {@code 4 · factors · (users + items)} bytes for the factors, so it fits catalogs far beyond EASE^R's; above
 * {@link Settings#annAboveItems()} items the model answers {@code recommend} through an HNSW index. Training is
 * deterministic for a given seed.
 */
public final class AlsRecommender implements Recommender {
  private final Clock clock;
  private final Settings settings;

  /**
   * @param factors latent dimensions, at least 1
   * @param lambda L2 regularisation of both factor matrices, finite and &gt; 0 (keeps every per-row system positive
   *     definite)
   * @param alpha confidence slope: {@code c = 1 + alpha · weight}, finite and &gt;= 0
   * @param iterations full ALS iterations (users then items), at least 1
   * @param cgSteps conjugate-gradient steps per row and half-iteration, at least 1 (3 is the usual choice: CG is
   *     warm-started, so few steps suffice)
   * @param seed seeds the initial factors
   * @param annAboveItems catalogs with more items than this are served through the HNSW index, at least 1
   * @param annM HNSW links per node, at least 2
   * @param annEf HNSW search breadth, at least 1 (higher: better recall, slower)
   */
  public record Settings(int factors, double lambda, double alpha, int iterations, int cgSteps, long seed,
      int annAboveItems, int annM, int annEf) {
    public static final Settings DEFAULT = new Settings(64, 0.1, 20, 15, 3, 42, 50_000, 16, 200);

    public Settings {
      requireAtLeast("factors", factors, 1);
      requireAtLeast("iterations", iterations, 1);
      requireAtLeast("cgSteps", cgSteps, 1);
      requireAtLeast("annAboveItems", annAboveItems, 1);
      requireAtLeast("annM", annM, 2);
      requireAtLeast("annEf", annEf, 1);
      if (!(lambda > 0) || Double.isInfinite(lambda)) {
        throw new IllegalArgumentException("lambda must be finite and > 0: " + lambda);
      }
      if (!(alpha >= 0) || Double.isInfinite(alpha)) {
        throw new IllegalArgumentException("alpha must be finite and >= 0: " + alpha);
      }
    }

    private static void requireAtLeast(String name, int value, int min) {
      if (value < min) {
        throw new IllegalArgumentException(name + " must be >= " + min + ": " + value);
      }
    }
  }

  public AlsRecommender(Clock clock, Settings settings) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public String name() {
    return AlsModel.NAME;
  }

  @Override
  public RecommenderSettings settings() {
    Map<String, Object> values = new TreeMap<>();
    values.put("factors", settings.factors());
    values.put("lambda", settings.lambda());
    values.put("alpha", settings.alpha());
    values.put("iterations", settings.iterations());
    values.put("cg-steps", settings.cgSteps());
    values.put("seed", settings.seed());
    values.put("ann-above-items", settings.annAboveItems());
    values.put("ann-m", settings.annM());
    values.put("ann-ef", settings.annEf());
    return RecommenderSettings.of(name(), values);
  }

  @Override
  public AlsModel train(Interactions interactions) {
    return train(interactions, Optional.empty());
  }

  /**
   * A served ALS model from factors fitted elsewhere (Spark MLlib's ALS): an ordinary {@link RecommenderModel} named
   * {@code als}, in the same byte format, its ANN index built as on loading; see {@link AlsModel#fromFactors}.
   * {@code settings} names where and how the factors were fitted (e.g. {@code engine=spark-mllib}, rank, regParam),
   * so its digest tells such a model from one trained here.
   *
   * @param trainedAt when the factors were fitted (the caller's clock)
   * @param userFactors one row per user index of {@code interactions}
   * @param itemFactors one row per item index of {@code interactions}
   * @throws IllegalArgumentException when the factors do not fit the matrix or the parameters
   */
  public static AlsModel fromFactors(RecommenderSettings settings, Instant trainedAt,
      Interactions interactions, float[][] userFactors, float[][] itemFactors, AlsModel.Parameters parameters) {
    if (!settings.recommender().equals(AlsModel.NAME)) {
      throw new IllegalArgumentException("ALS factors need settings of recommender '" + AlsModel.NAME + "', not '"
          + settings.recommender() + "'");
    }
    return AlsModel.fromFactors(settings.digest(interactions), trainedAt, interactions, userFactors, itemFactors,
        parameters);
  }

  /** Trains, reporting the ALS objective after each iteration to {@code onLoss} (for monitoring and tests). */
  public AlsModel train(Interactions interactions, DoubleConsumer onLoss) {
    return train(interactions, Optional.of(onLoss));
  }

  private AlsModel train(Interactions interactions, Optional<DoubleConsumer> onLoss) {
    AlsModel.Parameters parameters = new AlsModel.Parameters(settings.factors(), settings.lambda(), settings.alpha(),
        settings.annAboveItems(), settings.annM(), settings.annEf());
    return AlsModel.train(settings().digest(interactions), clock.instant(), interactions, parameters,
        settings.iterations(), settings.cgSteps(), settings.seed(), onLoss);
  }
}
