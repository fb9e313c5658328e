package io.shopsense.engine.spark;

import io.shopsense.core.recommend.AlsRecommender;
import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.RecommenderSettings;
import io.shopsense.core.recommend.internal.AlsModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark MLlib's implicit ALS (Hu, Koren, Volinsky, as MLlib implements it: confidence {@code 1 + α·r}, preference
 * {@code r > 0}, regularisation scaled by each row's count) on a core {@link Interactions} matrix, turned into the
 * core's served ALS model ({@link AlsRecommender#fromFactors}): same byte format, same serving path, ANN index above
 * {@code annAboveItems} items. The users and items are the matrix's indices, so the factors map back without a join.
 * The model's settings digest names {@code engine=spark-mllib} and the MLlib settings, so a served model tells which
 * path trained it.
 */
final class SparkAls {
  private static final StructType RATINGS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("user", DataTypes.IntegerType, false),
      DataTypes.createStructField("item", DataTypes.IntegerType, false),
      DataTypes.createStructField("weight", DataTypes.FloatType, false)));

  /**
   * MLlib's settings.
   *
   * @param rank latent dimensions, at least 1
   * @param regParam MLlib's {@code regParam} (scaled by each row's count, ALS-WR), finite and &gt; 0
   * @param alpha confidence slope, finite and &gt;= 0
   * @param iterations MLlib's {@code maxIter}, at least 1
   * @param seed MLlib's seed for the initial factors
   */
  record Settings(int rank, double regParam, double alpha, int iterations, long seed) {
    Settings {
      if (rank < 1 || iterations < 1) {
        throw new IllegalArgumentException("rank and iterations must be >= 1: rank " + rank + ", iterations "
            + iterations);
      }
      if (!(regParam > 0) || Double.isInfinite(regParam) || !(alpha >= 0) || Double.isInfinite(alpha)) {
        throw new IllegalArgumentException("regParam must be finite and > 0, alpha finite and >= 0: regParam "
            + regParam + ", alpha " + alpha);
      }
    }

    /** The canonical settings of the served model (its digest). */
    RecommenderSettings recommenderSettings() {
      Map<String, Object> values = new TreeMap<>();
      values.put("engine", "spark-mllib");
      values.put("rank", rank);
      values.put("reg-param", regParam);
      values.put("alpha", alpha);
      values.put("iterations", iterations);
      values.put("seed", seed);
      return RecommenderSettings.of(AlsModel.NAME, values);
    }
  }

  private SparkAls() {}

  /** Fits the factors in {@code spark} and returns the served model, trained at {@code trainedAt}. */
  static AlsModel fit(SparkSession spark, Interactions matrix, Settings settings, Instant trainedAt) {
    Dataset<Row> ratings = ratings(spark, matrix);
    try {
      return fit(ratings, matrix, settings, trainedAt);
    } finally {
      ratings.unpersist();
    }
  }

  /**
   * The matrix's cells as MLlib's ratings (user index, item index, weight), cached: several fits on one matrix (a
   * grid) share them.
   *
   * @throws IllegalArgumentException when the matrix has no cell
   */
  static Dataset<Row> ratings(SparkSession spark, Interactions matrix) {
    if (matrix.cellCount() == 0) {
      throw new IllegalArgumentException("no interactions to train ALS on");
    }
    List<Row> rows = new ArrayList<>(matrix.cellCount());
    for (int u = 0; u < matrix.userCount(); u++) {
      Interactions.Row row = matrix.row(u);
      for (int k = 0; k < row.size(); k++) {
        rows.add(RowFactory.create(u, row.indices()[k], (float) row.values()[k]));
      }
    }
    Dataset<Row> ratings = spark.createDataFrame(rows, RATINGS).repartition(partitions(spark)).cache();
    ratings.count();
    return ratings;
  }

  /** Fits on {@link #ratings} of {@code matrix}. */
  static AlsModel fit(Dataset<Row> ratings, Interactions matrix, Settings settings, Instant trainedAt) {
    int partitions = partitions(ratings.sparkSession());
    ALSModel fitted = new ALS().setImplicitPrefs(true).setRank(settings.rank()).setRegParam(settings.regParam())
        .setAlpha(settings.alpha()).setMaxIter(settings.iterations()).setSeed(settings.seed())
        .setUserCol("user").setItemCol("item").setRatingCol("weight")
        .setNumUserBlocks(partitions).setNumItemBlocks(partitions)
        .fit(ratings);
    float[][] users = factors(fitted.userFactors(), matrix.userCount(), settings.rank());
    float[][] items = factors(fitted.itemFactors(), matrix.itemCount(), settings.rank());
    AlsModel.Parameters parameters = new AlsModel.Parameters(settings.rank(), settings.regParam(), settings.alpha(),
        AlsRecommender.Settings.DEFAULT.annAboveItems(), AlsRecommender.Settings.DEFAULT.annM(),
        AlsRecommender.Settings.DEFAULT.annEf());
    return AlsRecommender.fromFactors(settings.recommenderSettings(), trainedAt, matrix, users, items, parameters);
  }

  private static int partitions(SparkSession spark) {
    return Math.max(1, spark.sparkContext().defaultParallelism());
  }

  /** MLlib's (id, features) rows by id; an id MLlib did not return (it has no cell) keeps a zero factor. */
  private static float[][] factors(Dataset<Row> byId, int count, int rank) {
    float[][] out = new float[count][rank];
    for (Row r : byId.collectAsList()) {
      List<Float> features = r.getList(1);
      float[] f = out[r.getInt(0)];
      for (int k = 0; k < rank; k++) {
        f[k] = features.get(k);
      }
    }
    return out;
  }
}
