package io.shopsense.engine.spark;

import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.core.recommend.InteractionWeights;
import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.internal.AlsModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The personal model trained by Spark MLlib's implicit ALS over the lake: the {@code lines} table attributed to
 * persons ({@link LakeLines}), only the persons {@link TrainingPersons} lets train, weighted by the core's default
 * {@link InteractionWeights} (refunds against, non-positive cells dropped), factored by {@link SparkAls}; the output
 * is the model's bytes ({@code RecommenderModel.toBytes()}), which the server installs as its personal model with
 * {@code PUT /v1/recommendations/models/personal}.
 */
public final class AlsJob {
  static final String USAGE = "usage: AlsJob " + RecommendJobArguments.COMMON_USAGE
      + " [--rank N] [--reg-param X] [--alpha X] [--iterations N] [--seed N]\n"
      + "  --personalised  the person ids with personalisation consent, one a line (Platform.writePersonalisedSnapshot)\n"
      + "  --exclude       person ids whose data must not train (no consent, erased), one a line\n"
      + "  --rank 64 --reg-param 0.05 --alpha 10 --iterations 15 --seed 42: MLlib's ALS settings (defaults shown)";
  static final Map<String, String> DEFAULTS = defaults();

  /**
   * What a run produced.
   *
   * @param model the served model, also written to the output file
   * @param fitMillis time spent in MLlib's fit and collecting the factors
   * @param totalMillis the whole run, reading the lake included
   */
  public record Result(AlsModel model, long fitMillis, long totalMillis) {}

  private AlsJob() {}

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("--rank", "64");
    d.put("--reg-param", "0.05");
    d.put("--alpha", "10");
    d.put("--iterations", "15");
    d.put("--seed", "42");
    return d;
  }

  /** See {@link #USAGE}. */
  public static void main(String[] args) {
    RecommendJobArguments.main(args, "shopsense-als", DEFAULTS, USAGE, AlsJob::settings, (spark, a, settings) -> {
      Result r = run(spark, a.lake(), a.persons(), settings, a.now());
      Interactions m = r.model().interactions();
      return new RecommendJobArguments.Trained(r.model(), String.format(Locale.ROOT, "shopsense ALS (Spark MLlib):"
          + " %d users x %d items, %d cells, rank %d (fit %d ms, total %d ms)", m.userCount(), m.itemCount(),
          m.cellCount(), settings.rank(), r.fitMillis(), r.totalMillis()));
    });
  }

  static SparkAls.Settings settings(RecommendJobArguments a) {
    return new SparkAls.Settings(a.intOption("--rank", 1), a.doubleOption("--reg-param", Double.MIN_VALUE),
        a.doubleOption("--alpha", 0), a.intOption("--iterations", 1), Long.parseLong(a.options().get("--seed")));
  }

  /**
   * Trains on the lake at {@code lake}.
   *
   * @throws IllegalArgumentException when no person may train or the lake holds no interaction
   */
  static Result run(SparkSession spark, Path lake, TrainingPersons persons, SparkAls.Settings settings,
      Instant trainedAt) {
    long start = System.nanoTime();
    Dataset<Row> byKind = LakeLines.read(spark, lake, persons, EnumSet.allOf(InteractionKind.class))
        .orElseThrow(() -> new IllegalArgumentException("the lake at " + lake + " has no lines or no identity"
            + " snapshot: nothing to train on"));
    Interactions matrix = TrainingMatrix.collect(byKind, InteractionWeights.DEFAULT);
    long read = System.nanoTime();
    AlsModel model = SparkAls.fit(spark, matrix, settings, trainedAt);
    long end = System.nanoTime();
    return new Result(model, (end - read) / 1_000_000, (end - start) / 1_000_000);
  }
}
