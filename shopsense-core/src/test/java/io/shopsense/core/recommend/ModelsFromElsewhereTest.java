package io.shopsense.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.core.recommend.internal.AlsModel;
import io.shopsense.core.recommend.internal.ItemKnnModel;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Models whose parameters were computed elsewhere (Spark) are ordinary models: the same predictions as the model the
 * parameters came from, the same byte format, and a digest that says where they came from.
 */
class ModelsFromElsewhereTest {
  static final Instant FITTED = Instant.parse("2026-02-01T12:00:00Z");
  static final RecommenderSettings SPARK_ALS = RecommenderSettings.of(AlsModel.NAME,
      Map.of("engine", "spark-mllib", "rank", 16, "reg-param", 0.1, "alpha", 10));

  @Test
  void alsFromFactorsPredictsAsTheModelItsFactorsCameFromAndRoundTrips() {
    Interactions train = Interactions.of(HeldOutRecallTest.DATA.train(), InteractionWeights.DEFAULT);
    AlsModel trained = new AlsRecommender(HeldOutRecallTest.CLOCK, AlsRecommenderTest.SMALL).train(train);

    AlsModel copy = AlsRecommender.fromFactors(SPARK_ALS, FITTED, train, userFactors(trained), itemFactors(trained),
        trained.parameters());
    RecommenderModel loaded = RecommenderModel.fromBytes(copy.toBytes());

    assertThat(loaded.recommender()).isEqualTo("als");
    assertThat(loaded.settingsDigest()).isEqualTo(SPARK_ALS.digest(train))
        .isNotEqualTo(trained.settingsDigest());
    assertThat(loaded.trainedAt()).isEqualTo(FITTED);
    for (int u = 0; u < train.userCount(); u += 7) {
      UserRef user = new UserRef.Known(u);
      assertThat(loaded.scoreAll(user)).containsExactly(trained.scoreAll(user));
      assertThat(loaded.recommend(user, 10, Set.of())).isEqualTo(trained.recommend(user, 10, Set.of()));
    }
  }

  @Test
  void alsFromFactorsBuildsTheApproximateIndexForLargeCatalogsAsOnLoading() {
    Interactions train = Interactions.of(HeldOutRecallTest.DATA.train(), InteractionWeights.DEFAULT);
    AlsModel trained = new AlsRecommender(HeldOutRecallTest.CLOCK,
        AlsRecommenderTest.withAnnAbove(AlsRecommenderTest.SMALL, 5)).train(train);

    AlsModel copy = AlsRecommender.fromFactors(SPARK_ALS, FITTED, train, userFactors(trained), itemFactors(trained),
        trained.parameters());

    assertThat(copy.usesApproximateIndex()).isTrue();
    assertThat(((AlsModel) RecommenderModel.fromBytes(copy.toBytes())).usesApproximateIndex()).isTrue();
  }

  @Test
  void alsFromFactorsRefusesFactorsThatDoNotFitTheMatrix() {
    Interactions train = ItemKnnRecommenderTest.matrix();   // 4 users x 4 items
    AlsModel.Parameters two = new AlsModel.Parameters(2, 0.1, 10, 50_000, 16, 200);
    float[][] fourRows = {{1, 0}, {0, 1}, {1, 1}, {0.5f, 0}};

    assertThatThrownBy(() -> AlsRecommender.fromFactors(SPARK_ALS, FITTED, train, new float[3][2], fourRows, two))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 user factors for 4 users");
    assertThatThrownBy(() -> AlsRecommender.fromFactors(SPARK_ALS, FITTED, train, fourRows, new float[4][3], two))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("item factor 0 has 3 values, not 2");
    float[][] nan = {{1, 0}, {0, Float.NaN}, {1, 1}, {0, 0}};
    assertThatThrownBy(() -> AlsRecommender.fromFactors(SPARK_ALS, FITTED, train, fourRows, nan, two))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
    RecommenderSettings knn = RecommenderSettings.of("item-knn", Map.of());
    assertThatThrownBy(() -> AlsRecommender.fromFactors(knn, FITTED, train, fourRows, fourRows, two))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recommender 'als'");
  }

  @Test
  void itemKnnFromNeighboursEqualsTheTrainedModelWhateverTheListOrderAndRoundTrips() {
    Interactions matrix = ItemKnnRecommenderTest.matrix();
    ItemKnnModel trained = ItemKnnRecommenderTest.train(10, 1);
    int n = matrix.itemCount();
    int[][] neighbours = new int[n][];
    double[][] similarities = new double[n][];
    for (int item = 0; item < n; item++) {
      int i = item;
      // worst first, to show the factory orders the lists itself
      java.util.List<Integer> list = new java.util.ArrayList<>();
      for (int j = n - 1; j >= 0; j--) {
        if (trained.similarity(i, j) > 0) {
          list.add(j);
        }
      }
      list.sort((a, b) -> Double.compare(trained.similarity(i, a), trained.similarity(i, b)));
      neighbours[i] = list.stream().mapToInt(Integer::intValue).toArray();
      similarities[i] = list.stream().mapToDouble(j -> trained.similarity(i, j)).toArray();
    }
    RecommenderSettings spark = RecommenderSettings.of(ItemKnnModel.NAME,
        Map.of("engine", "spark", "neighbours", 10, "shrinkage", 1.0));

    ItemKnnModel copy = ItemKnnRecommender.fromNeighbours(spark, FITTED, matrix, neighbours, similarities);
    ItemKnnModel loaded = (ItemKnnModel) RecommenderModel.fromBytes(copy.toBytes());

    assertThat(loaded.recommender()).isEqualTo("item-knn");
    assertThat(loaded.settingsDigest()).isEqualTo(spark.digest(matrix)).isNotEqualTo(trained.settingsDigest());
    for (String item : matrix.itemIds()) {
      assertThat(loaded.similarItems(item, 10, Set.of())).isEqualTo(trained.similarItems(item, 10, Set.of()));
    }
    for (int u = 0; u < matrix.userCount(); u++) {
      UserRef user = new UserRef.Known(u);
      assertThat(loaded.recommend(user, 4, Set.of())).isEqualTo(trained.recommend(user, 4, Set.of()));
    }
  }

  @Test
  void itemKnnFromNeighboursRefusesSelfRepeatedOutOfRangeAndNonPositiveNeighbours() {
    Interactions matrix = ItemKnnRecommenderTest.matrix();
    RecommenderSettings spark = RecommenderSettings.of(ItemKnnModel.NAME, Map.of("engine", "spark"));
    int[][] empty = {{}, {}, {}};
    double[][] emptySims = {{}, {}, {}};

    assertThatThrownBy(() -> ItemKnnRecommender.fromNeighbours(spark, FITTED, matrix, empty, emptySims))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("for 4 items");
    for (int[] bad : new int[][] {{0}, {4}, {-1}, {1, 1}}) {
      int[][] lists = {bad, {}, {}, {}};
      double[][] sims = {new double[bad.length], {}, {}, {}};
      java.util.Arrays.fill(sims[0], 0.5);
      assertThatThrownBy(() -> ItemKnnRecommender.fromNeighbours(spark, FITTED, matrix, lists, sims))
          .as("neighbours %s", java.util.Arrays.toString(bad))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid neighbour");
    }
    assertThatThrownBy(() -> ItemKnnRecommender.fromNeighbours(spark, FITTED, matrix,
        new int[][] {{1}, {}, {}, {}}, new double[][] {{0}, {}, {}, {}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite and positive");
  }

  static float[][] userFactors(AlsModel model) {
    float[][] out = new float[model.interactions().userCount()][];
    for (int u = 0; u < out.length; u++) {
      out[u] = model.userFactor(u);
    }
    return out;
  }

  static float[][] itemFactors(AlsModel model) {
    float[][] out = new float[model.interactions().itemCount()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = model.itemFactor(i);
    }
    return out;
  }
}
