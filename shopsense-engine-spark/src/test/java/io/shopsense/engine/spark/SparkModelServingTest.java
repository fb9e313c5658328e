package io.shopsense.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.PersonId;
import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.rules.ItemFact;
import io.shopsense.core.recommend.serve.CatalogView;
import io.shopsense.core.recommend.serve.ModelSet;
import io.shopsense.core.recommend.serve.PersonContext;
import io.shopsense.core.recommend.serve.RecommendationRequest;
import io.shopsense.core.recommend.serve.RecommendationService;
import io.shopsense.core.recommend.serve.Recommendations;
import io.shopsense.core.recommend.serve.RecommendedItem;
import io.shopsense.core.recommend.serve.Scene;
import io.shopsense.core.recommend.serve.ScopedPopularity;
import io.shopsense.core.recommend.serve.ServingFixture;
import io.shopsense.core.recommend.serve.TrainingSummary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark-trained ALS model served by the same path as any other: its bytes loaded into a {@link ModelSet} as the
 * personal model and asked through {@link RecommendationService}.
 */
class SparkModelServingTest {
  @TempDir
  Path dir;

  @Test
  void theSparkTrainedAlsModelIsServedAsThePersonalModel() throws Exception {
    TrainingPersons persons = new TrainingPersons(Optional.empty(), Optional.of(BasketLake.excludedFile(dir)));
    byte[] bytes;
    SparkSession spark = LocalSpark.start("spark-model-serving-test");
    try {
      bytes = AlsJob.run(spark, BasketLake.shared(), persons, RecommendJobsTest.SMALL_ALS, ShopLake.NOW).model()
          .toBytes();
    } finally {
      spark.stop();
    }
    RecommenderModel personal = RecommenderModel.fromBytes(bytes);
    ModelSet set = new ModelSet("spark-1", ShopLake.NOW, Optional.of(personal), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), ScopedPopularity.EMPTY, TrainingSummary.EMPTY);
    PersonId learner = PersonId.of(BasketLake.LEARNER);
    PersonId noConsent = PersonId.of(BasketLake.NO_CONSENT);
    Map<PersonId, PersonContext> contexts = Map.of(
        learner, new PersonContext(learner, "", List.of(), List.of(), Set.of("t1", "t2")));
    RecommendationService service = new RecommendationService(() -> set, () -> catalog(), new ServingFixture.MapConsent(Set.of(learner)),
        p -> Optional.ofNullable(contexts.get(p)), Map.of(), Clock.fixed(ShopLake.NOW, ZoneOffset.UTC));

    Recommendations forLearner = service.recommend(new RecommendationRequest(Scene.HOME, Optional.of(learner),
        List.of(), 1, Locale.ENGLISH));
    Recommendations forRefuser = service.recommend(new RecommendationRequest(Scene.HOME, Optional.of(noConsent),
        List.of(), 3, Locale.ENGLISH));

    assertThat(forLearner.modelVersion()).isEqualTo("spark-1");
    assertThat(forLearner.basis()).isEqualTo(Recommendations.Basis.PERSONALISED);
    assertThat(forLearner.items()).extracting(RecommendedItem::item).containsExactly("t3");
    RecommendedItem pick = forLearner.items().get(0);
    assertThat(pick.source()).isEqualTo("als");
    assertThat(pick.reason()).isInstanceOf(Reason.Because.class);
    assertThat(((Reason.Because) pick.reason()).item()).isIn("t1", "t2");
    assertThat(pick.explanation()).isNotBlank();
    assertThat(forRefuser.basis()).isEqualTo(Recommendations.Basis.NON_PERSONALISED);
    assertThat(forRefuser.items()).extracting(RecommendedItem::source).doesNotContain("als");
  }

  private static CatalogView catalog() {
    List<CatalogView.CatalogItem> items = new java.util.ArrayList<>();
    for (String id : List.of("t1", "t2", "t3", "c1", "c2", "c3")) {
      String category = id.startsWith("t") ? "tea" : "camping";
      items.add(new CatalogView.CatalogItem(new ItemFact(id, category, "Brand", 5, 100, 0.2,
          ShopLake.START.minus(Duration.ofDays(30)), false), "Item " + id, Map.of()));
    }
    return new CatalogView(items);
  }
}
