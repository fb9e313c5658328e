package io.shopsense.engine.spark;

import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.core.recommend.InteractionWeights;
import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.ItemKnnRecommender;
import io.shopsense.core.recommend.RecommenderSettings;
import io.shopsense.core.recommend.internal.ItemKnnModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The item-kNN model computed by Spark over the lake: the {@code lines} table attributed to persons
 * ({@link LakeLines}), only the persons {@link TrainingPersons} lets train, the chosen co-signal ({@code --kinds}:
 * co-view, co-cart, co-purchase or all of them; refunds always count against purchases), weighted by the core's
 * default {@link InteractionWeights}; cosine with shrinkage and the top {@code k} per item by
 * {@link ItemCooccurrence}. The output is the model's bytes ({@code RecommenderModel.toBytes()}), an ordinary
 * {@code item-knn} model whose digest names {@code engine=spark}.
 */
public final class ItemCooccurrenceJob {
  static final String USAGE = "usage: ItemCooccurrenceJob " + RecommendJobArguments.COMMON_USAGE
      + " [--neighbours N] [--shrinkage X] [--per-person-cap N] [--kinds view,cart,purchase]\n"
      + "  --neighbours 100 --shrinkage 10: the core item-kNN's defaults\n"
      + "  --per-person-cap 500: a person's heaviest items counted in pairs\n"
      + "  --kinds view,cart,purchase: the co-signals learnt (purchase brings its refunds)";
  static final Map<String, String> DEFAULTS = defaults();

  /**
   * The job's settings.
   *
   * @param neighbours kept per item, at least 1
   * @param shrinkage added to the cosine's denominator, finite and &gt;= 0
   * @param perPersonCap a person's items counted in pairs, at least 2
   * @param kinds the interaction kinds read (a refund is read with purchases)
   */
  record Settings(int neighbours, double shrinkage, int perPersonCap, Set<InteractionKind> kinds) {
    Settings {
      new ItemKnnRecommender.Settings(neighbours, shrinkage); // the core's checks
      if (perPersonCap < 2) {
        throw new IllegalArgumentException("--per-person-cap must be >= 2: " + perPersonCap);
      }
      kinds = kinds.contains(InteractionKind.PURCHASE) ? withRefund(kinds) : Set.copyOf(kinds);
      if (kinds.isEmpty()) {
        throw new IllegalArgumentException("--kinds needs at least one of view, cart, purchase");
      }
    }

    private static Set<InteractionKind> withRefund(Set<InteractionKind> kinds) {
      EnumSet<InteractionKind> out = EnumSet.copyOf(kinds);
      out.add(InteractionKind.REFUND);
      return Set.copyOf(out);
    }

    RecommenderSettings recommenderSettings() {
      Map<String, Object> values = new TreeMap<>();
      values.put("engine", "spark");
      values.put("neighbours", neighbours);
      values.put("shrinkage", shrinkage);
      values.put("per-person-cap", perPersonCap);
      values.put("kinds", new java.util.TreeSet<>(kinds));
      return RecommenderSettings.of(ItemKnnModel.NAME, values);
    }
  }

  /**
   * What a run produced.
   *
   * @param model the served model, also written to the output file
   * @param pairs the (item, neighbour) pairs kept
   * @param totalMillis the whole run
   */
  public record Result(ItemKnnModel model, long pairs, long totalMillis) {}

  private ItemCooccurrenceJob() {}

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("--neighbours", "100");
    d.put("--shrinkage", "10");
    d.put("--per-person-cap", "500");
    d.put("--kinds", "view,cart,purchase");
    return d;
  }

  /** See {@link #USAGE}. */
  public static void main(String[] args) {
    RecommendJobArguments.main(args, "shopsense-item-cooccurrence", DEFAULTS, USAGE, ItemCooccurrenceJob::settings,
        (spark, a, settings) -> {
          Result r = run(spark, a.lake(), a.persons(), settings, a.now());
          Interactions m = r.model().interactions();
          return new RecommendJobArguments.Trained(r.model(), String.format(Locale.ROOT, "shopsense item"
              + " co-occurrence (Spark): %d users x %d items, %d neighbour pairs (total %d ms)", m.userCount(),
              m.itemCount(), r.pairs(), r.totalMillis()));
        });
  }

  static Settings settings(RecommendJobArguments a) {
    EnumSet<InteractionKind> kinds = EnumSet.noneOf(InteractionKind.class);
    for (String k : a.options().get("--kinds").split(",")) {
      String name = k.strip().toUpperCase(Locale.ROOT);
      if (!List.of("VIEW", "CART", "PURCHASE").contains(name)) {
        throw new IllegalArgumentException("--kinds takes view, cart and purchase, not " + k.strip());
      }
      kinds.add(InteractionKind.valueOf(name));
    }
    return new Settings(a.intOption("--neighbours", 1), a.doubleOption("--shrinkage", 0),
        a.intOption("--per-person-cap", 2), kinds);
  }

  /**
   * Computes the neighbour lists over the lake at {@code lake}.
   *
   * @throws IllegalArgumentException when the lake holds no interaction
   */
  static Result run(SparkSession spark, Path lake, TrainingPersons persons, Settings settings, Instant trainedAt) {
    long start = System.nanoTime();
    Dataset<Row> byKind = LakeLines.read(spark, lake, persons, settings.kinds())
        .orElseThrow(() -> new IllegalArgumentException("the lake at " + lake + " has no lines or no identity"
            + " snapshot: nothing to train on"));
    byKind.cache();
    try {
      Interactions matrix = TrainingMatrix.collect(byKind, InteractionWeights.DEFAULT);
      Dataset<Row> cells = TrainingMatrix.cells(byKind, InteractionWeights.DEFAULT);
      int n = matrix.itemCount();
      List<List<Integer>> lists = new ArrayList<>(n);
      List<List<Double>> sims = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        lists.add(new ArrayList<>());
        sims.add(new ArrayList<>());
      }
      long pairs = 0;
      for (Row r : ItemCooccurrence.neighbours(cells, settings.neighbours(), settings.shrinkage(),
          settings.perPersonCap()).collectAsList()) {
        int i = index(matrix, r.getString(0));
        lists.get(i).add(index(matrix, r.getString(1)));
        sims.get(i).add(r.getDouble(2));
        pairs++;
      }
      int[][] neighbours = new int[n][];
      double[][] similarities = new double[n][];
      for (int i = 0; i < n; i++) {
        neighbours[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        similarities[i] = sims.get(i).stream().mapToDouble(Double::doubleValue).toArray();
      }
      ItemKnnModel model = ItemKnnRecommender.fromNeighbours(settings.recommenderSettings(), trainedAt, matrix,
          neighbours, similarities);
      return new Result(model, pairs, (System.nanoTime() - start) / 1_000_000);
    } finally {
      byKind.unpersist();
    }
  }

  private static int index(Interactions matrix, String item) {
    return matrix.itemIndex(item).orElseThrow(() -> new IllegalStateException("item " + item
        + " has neighbours but no cell in the matrix"));
  }
}
