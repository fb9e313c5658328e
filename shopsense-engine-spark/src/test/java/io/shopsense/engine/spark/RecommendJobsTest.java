package io.shopsense.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.ItemKnnRecommender;
import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.ScoredItem;
import io.shopsense.core.recommend.UserRef;
import io.shopsense.core.recommend.internal.AlsModel;
import io.shopsense.core.recommend.internal.ItemKnnModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ALS and item co-occurrence jobs over {@link BasketLake}, in one local[2] session. */
class RecommendJobsTest {
  static final SparkAls.Settings SMALL_ALS = new SparkAls.Settings(4, 0.05, 10, 10, 7);
  private static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("recommend-jobs-test");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void alsModelLoadsFromItsBytesAndRecommendsTheCoBoughtItemWithoutTheNonConsentingPerson() throws Exception {
    TrainingPersons persons = new TrainingPersons(Optional.of(BasketLake.personalisedSnapshot(dir)),
        Optional.empty());

    AlsJob.Result result = AlsJob.run(spark, BasketLake.shared(), persons, SMALL_ALS, ShopLake.NOW);
    RecommenderModel model = RecommenderModel.fromBytes(result.model().toBytes());

    assertThat(model.recommender()).isEqualTo(AlsModel.NAME);
    assertThat(model.settingsDigest()).isEqualTo(SMALL_ALS.recommenderSettings().digest(model.interactions()));
    assertThat(model.trainedAt()).isEqualTo(ShopLake.NOW);
    assertMatrixOfConsentingPersons(model.interactions());
    List<ScoredItem> picks = model.recommend(model.user(BasketLake.LEARNER), 1, Set.of("t1", "t2"));
    assertThat(picks).extracting(ScoredItem::item).containsExactly("t3");
    assertThat(model.recommend(model.user(ShopLake.personId(12)), 1, Set.of("c1", "c2", "c3")))
        .extracting(ScoredItem::item).doesNotContain("s1", "s2");
  }

  @Test
  void cooccurrenceNeighboursEqualTheCoreItemKnnOnTheSameMatrixWithoutTheExcludedPerson() throws Exception {
    TrainingPersons persons = new TrainingPersons(Optional.empty(), Optional.of(BasketLake.excludedFile(dir)));
    ItemCooccurrenceJob.Settings settings = new ItemCooccurrenceJob.Settings(3, 2.0, 500,
        EnumSet.of(InteractionKind.VIEW, InteractionKind.CART, InteractionKind.PURCHASE));

    ItemCooccurrenceJob.Result result = ItemCooccurrenceJob.run(spark, BasketLake.shared(), persons, settings,
        ShopLake.NOW);
    ItemKnnModel model = (ItemKnnModel) RecommenderModel.fromBytes(result.model().toBytes());
    ItemKnnModel core = new ItemKnnRecommender(Clock.fixed(ShopLake.NOW, ZoneOffset.UTC),
        new ItemKnnRecommender.Settings(3, 2.0)).train(model.interactions());

    assertMatrixOfConsentingPersons(model.interactions());
    assertThat(model.recommender()).isEqualTo(ItemKnnModel.NAME);
    assertThat(result.pairs()).isPositive();
    for (String item : model.interactions().itemIds()) {
      List<ScoredItem> spark = model.similarItems(item, 10, Set.of());
      List<ScoredItem> expected = core.similarItems(item, 10, Set.of());
      assertThat(spark).extracting(ScoredItem::item).as("neighbours of %s", item)
          .containsExactlyElementsOf(expected.stream().map(ScoredItem::item).toList());
      for (int k = 0; k < spark.size(); k++) {
        assertThat(spark.get(k).score()).isCloseTo(expected.get(k).score(), within(1e-12));
      }
    }
    assertThat(model.similarItems("t1", 2, Set.of())).extracting(ScoredItem::item).containsExactly("t2", "t3");
  }

  @Test
  void coPurchaseOnlyLeavesViewsOutAndKeepsRefundsAgainstPurchases() throws Exception {
    TrainingPersons persons = new TrainingPersons(Optional.empty(), Optional.of(BasketLake.excludedFile(dir)));
    ItemCooccurrenceJob.Settings purchases = new ItemCooccurrenceJob.Settings(3, 2.0, 500,
        EnumSet.of(InteractionKind.PURCHASE));

    Interactions matrix = ItemCooccurrenceJob.run(spark, BasketLake.shared(), persons, purchases, ShopLake.NOW)
        .model().interactions();

    assertThat(purchases.kinds()).contains(InteractionKind.REFUND);
    assertThat(matrix.userIndex(BasketLake.REFUNDER)).as("refunded purchase and no views: no cell").isEmpty();
    int browser = matrix.userIndex(BasketLake.BROWSER).orElseThrow();
    assertThat(matrix.get(browser, matrix.itemIndex("t3").orElseThrow())).isEqualTo(5.0);
    assertThat(matrix.get(browser, matrix.itemIndex("t2").orElseThrow())).as("a view").isZero();
  }

  /**
   * The consenting, attributed persons and nothing else: person 25's data is absent (their own items with it), the
   * unowned user's order too; the refunded purchase is gone and the anonymous view is attributed to its owner.
   */
  private static void assertMatrixOfConsentingPersons(Interactions m) {
    assertThat(m.userIndex(BasketLake.NO_CONSENT)).isEmpty();
    assertThat(m.itemIds()).containsExactly("c1", "c2", "c3", "t1", "t2", "t3");
    assertThat(m.userCount()).isEqualTo(27);
    int refunder = m.userIndex(BasketLake.REFUNDER).orElseThrow();
    assertThat(m.row(refunder).indices()).containsExactly(m.itemIndex("c2").orElseThrow());
    int browser = m.userIndex(BasketLake.BROWSER).orElseThrow();
    assertThat(m.get(browser, m.itemIndex("t2").orElseThrow())).as("the anonymous view").isEqualTo(1.0);
    assertThat(m.get(browser, m.itemIndex("t3").orElseThrow())).isEqualTo(5.0);
    assertThat(m.get(0, m.itemIndex("t1").orElseThrow())).as("person 0: view and purchase of t1").isEqualTo(6.0);
  }
}
