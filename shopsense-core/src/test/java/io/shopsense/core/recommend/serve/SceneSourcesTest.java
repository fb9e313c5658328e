package io.shopsense.core.recommend.serve;

import static io.shopsense.core.recommend.serve.ServingFixture.ANN;
import static io.shopsense.core.recommend.serve.ServingFixture.CATALOG;
import static io.shopsense.core.recommend.serve.ServingFixture.CLOCK;
import static io.shopsense.core.recommend.serve.ServingFixture.KIM;
import static io.shopsense.core.recommend.serve.ServingFixture.MODELS;
import static io.shopsense.core.recommend.serve.ServingFixture.NIA;
import static io.shopsense.core.recommend.serve.ServingFixture.NOW;
import static io.shopsense.core.recommend.serve.ServingFixture.SAM;
import static io.shopsense.core.recommend.serve.ServingFixture.plainScenes;
import static io.shopsense.core.recommend.serve.ServingFixture.request;
import static io.shopsense.core.recommend.serve.ServingFixture.sequentialIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.ScoredItem;
import io.shopsense.core.recommend.rules.Diversity;
import io.shopsense.core.recommend.rules.RerankSettings;
import io.shopsense.core.recommend.serve.Recommendations.Basis;
import io.shopsense.core.recommend.serve.ServingFixture.MapConsent;
import io.shopsense.core.recommend.serve.ServingFixture.RecordingContexts;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The candidate sources of every scene, cold start, new items, diversity and exploration. */
class SceneSourcesTest {
  static final MapConsent CONSENT = new MapConsent(Set.of(ANN, NIA, SAM, KIM));

  static RecommendationService service(ModelSet models, Map<Scene, SceneSettings> scenes, Clock clock) {
    return new RecommendationService(() -> models, () -> CATALOG, CONSENT, new RecordingContexts(), scenes, clock,
        sequentialIds());
  }

  static final RecommendationService PLAIN = service(MODELS, plainScenes(), CLOCK);

  static Map<Scene, SceneSettings> with(Scene scene, RerankSettings settings) {
    Map<Scene, SceneSettings> scenes = new EnumMap<>(plainScenes());
    scenes.put(scene, new SceneSettings(settings));
    return scenes;
  }

  static List<String> items(Recommendations r) {
    return r.items().stream().map(RecommendedItem::item).toList();
  }

  @Test
  void productPageInterleavesSimilarAndBoughtTogetherItems() {
    Recommendations r = PLAIN.recommend(request(Scene.PRODUCT, null, 4, "c1"));
    List<ScoredItem> similar = MODELS.similar().orElseThrow().similarItems("c1", 16, Set.of("c1"));
    List<ScoredItem> complements = MODELS.bundles().orElseThrow().complementsOf("c1", 16);
    Map<String, Reason> expected = new LinkedHashMap<>();
    for (int i = 0; i < Math.max(similar.size(), complements.size()); i++) {
      if (i < similar.size()) {
        expected.putIfAbsent(similar.get(i).item(), similar.get(i).reason());
      }
      if (i < complements.size()) {
        expected.putIfAbsent(complements.get(i).item(), complements.get(i).reason());
      }
    }
    assertThat(expected).hasSizeGreaterThanOrEqualTo(4);
    assertThat(r.items()).extracting(RecommendedItem::item, RecommendedItem::reason)
        .containsExactlyElementsOf(expected.entrySet().stream().limit(4)
            .map(e -> tuple(e.getKey(), e.getValue())).toList());
  }

  @Test
  void withoutItemKnnTheProductPageInterleavesContentSimilarityAndBoughtTogether() {
    ModelSet bundlesOnly = new ModelSet("b", NOW, Optional.empty(), Optional.empty(), MODELS.bundles(),
        Optional.empty(), Optional.empty(), MODELS.popular(), TrainingSummary.EMPTY);
    Recommendations r = service(bundlesOnly, plainScenes(), CLOCK).recommend(request(Scene.PRODUCT, null, 5, "t1"));
    // content: the Leaf teas, newest first (equal similarity); bought with t1: t2 (both baskets), m2, t3 (lift 4 > 2)
    assertThat(r.items()).extracting(RecommendedItem::item, RecommendedItem::source, RecommendedItem::reason)
        .containsExactly(
            tuple("tnew", "content", new Reason.SimilarTo("t1")),
            tuple("t2", "bought-together", new Reason.OftenBoughtWith("t1")),
            tuple("m2", "bought-together", new Reason.OftenBoughtWith("t1")),
            tuple("t3", "content", new Reason.SimilarTo("t1")),
            tuple("t4", "content", new Reason.SimilarTo("t1")));
  }

  @Test
  void aNewItemsProductPageShowsItemsSimilarByContent() {
    Recommendations r = PLAIN.recommend(request(Scene.PRODUCT, null, 4, "tnew"));
    // tnew: tea, Leaf, 12 — t2 (12) and t3 (14) share its price band, t1 (10) and t4 (20) do not
    assertThat(r.items()).extracting(RecommendedItem::item).containsExactly("t2", "t3", "t1", "t4");
    assertThat(r.items()).extracting(RecommendedItem::source).containsOnly("content");
    assertThat(r.items()).extracting(RecommendedItem::reason).containsOnly(new Reason.SimilarTo("tnew"));
    assertThat(r.items().get(0).explanation()).isEqualTo("Similar to Jasmine tea");
  }

  @Test
  void cartGetsItsBundleFirstThenSimilarItems() {
    Recommendations r = PLAIN.recommend(request(Scene.CART, null, 4, "t1", "t2"));
    List<ScoredItem> bundle = MODELS.bundles().orElseThrow().bundleFor(List.of("t1", "t2"), 16);
    assertThat(bundle).isNotEmpty();
    assertThat(r.items().subList(0, bundle.size())).extracting(RecommendedItem::item, RecommendedItem::reason)
        .containsExactlyElementsOf(bundle.stream().map(s -> tuple(s.item(), s.reason())).toList());
    assertThat(r.items().get(bundle.size()).source()).isEqualTo("item-knn");
    assertThat(r.items().get(bundle.size()).reason()).isInstanceOf(Reason.SimilarTo.class);
  }

  @Test
  void postPurchaseCrossSellsTheOrderThenThePersonsOwnPicks() {
    Recommendations r = PLAIN.recommend(request(Scene.POST_PURCHASE, ANN, 5, "c1"));
    assertThat(r.basis()).isEqualTo(Basis.PERSONALISED);
    assertThat(r.items()).extracting(RecommendedItem::item, RecommendedItem::source).startsWith(
        tuple("c2", "bought-together"), tuple("m1", "bought-together"), tuple("c3", "bought-together"));
    assertThat(r.items().get(3).source()).isEqualTo("item-knn");
    assertThat(r.items().get(3).reason()).isInstanceOf(Reason.Because.class);
  }

  @Test
  void emailIsPersonalWithDueItemsAndNeverExplores() {
    RecommendationService defaults = service(MODELS, Map.of(), CLOCK);
    Recommendations r = defaults.recommend(request(Scene.EMAIL, ANN, 5));
    assertThat(r.items().get(0).source()).isEqualTo("repeat-purchase");
    for (int day = 0; day < 10; day++) {
      Clock later = Clock.fixed(NOW.plus(Duration.ofDays(day)), ZoneOffset.UTC);
      assertThat(service(MODELS, Map.of(), later).recommend(request(Scene.EMAIL, ANN, 5)).items())
          .extracting(RecommendedItem::source).doesNotContain(RecommendationService.EXPLORATION);
    }
  }

  @Test
  void searchReRanksItsResultsByPopularityWithoutConsent() {
    Recommendations r = PLAIN.recommend(request(Scene.SEARCH, null, 10, "m3", "c1", "t4", "t3", "nope"));
    // "nope" is not in the catalog; nothing is added
    assertThat(items(r)).containsExactly("c1", "t3", "m3", "t4");
    assertThat(r.basis()).isEqualTo(Basis.NON_PERSONALISED);
  }

  @Test
  void searchReRanksByThePersonalModelAndKeepsBoughtItems() {
    Recommendations r = PLAIN.recommend(request(Scene.SEARCH, ANN, 10, "m3", "c1", "t4", "t3", "t2"));
    assertThat(r.basis()).isEqualTo(Basis.PERSONALISED);
    assertThat(items(r)).containsExactlyInAnyOrder("m3", "c1", "t4", "t3", "t2");
    assertThat(items(r).indexOf("t3")).as("Ann's neighbour before the popular c1").isLessThan(items(r).indexOf("c1"));
    assertThat(items(r)).isNotEqualTo(items(PLAIN.recommend(request(Scene.SEARCH, null, 10, "m3", "c1", "t4", "t3",
        "t2"))));
  }

  @Test
  void coldStartUsesTheRegion() {
    Recommendations r = PLAIN.recommend(request(Scene.HOME, NIA, 5));
    assertThat(r.basis()).isEqualTo(Basis.COLD_START);
    // cy, the only person in JP, bought t2 and t3 and viewed t4
    assertThat(r.items()).extracting(RecommendedItem::item, RecommendedItem::reason).startsWith(
        tuple("t2", new Reason.PopularIn("region:JP")), tuple("t3", new Reason.PopularIn("region:JP")),
        tuple("t4", new Reason.PopularIn("region:JP")));
    assertThat(r.items().get(0).explanation()).isEqualTo("Popular in JP this week");
  }

  @Test
  void coldStartUsesTheSegments() {
    Recommendations r = PLAIN.recommend(request(Scene.HOME, SAM, 4));
    assertThat(r.basis()).isEqualTo(Basis.COLD_START);
    assertThat(r.items()).extracting(RecommendedItem::reason).containsOnly(new Reason.PopularIn("segment:brewers"));
    assertThat(items(r)).containsExactlyInAnyOrder("t1", "t2", "t3", "m2");
  }

  @Test
  void coldStartUsesTheInterestsWithTheirNewItemsFirst() {
    Recommendations r = PLAIN.recommend(request(Scene.HOME, KIM, 4));
    assertThat(r.items()).extracting(RecommendedItem::item, RecommendedItem::reason).containsExactly(
        tuple("cnew", new Reason.NewIn("coffee")), tuple("c1", new Reason.PopularIn("category:coffee")),
        tuple("c2", new Reason.PopularIn("category:coffee")), tuple("c3", new Reason.PopularIn("category:coffee")));
    assertThat(r.items().get(0).explanation()).isEqualTo("New in coffee");
  }

  @Test
  void coldStartOnHomeStartsFromTheSessionsRecentItems() {
    Recommendations r = PLAIN.recommend(request(Scene.HOME, NIA, 3, "t4"));
    assertThat(r.items().get(0).source()).isEqualTo("session-knn");
    assertThat(r.items().get(0).reason()).isEqualTo(new Reason.Because("t4"));
    assertThat(r.items().get(0).explanation()).isEqualTo("Because you viewed White tea");
  }

  @Test
  void theDiversityKnobChangesTheList() {
    RerankSettings capped = new RerankSettings(0, 0, Duration.ofDays(30), new Diversity.CategoryCap(1), 0, 1);
    List<String> plain = items(PLAIN.recommend(request(Scene.PRODUCT, null, 3, "t1")));
    List<String> diverse = items(service(MODELS, with(Scene.PRODUCT, capped), CLOCK)
        .recommend(request(Scene.PRODUCT, null, 3, "t1")));
    assertThat(plain).containsExactly("t2", "m2", "t3");   // two teas
    assertThat(diverse).isNotEqualTo(plain);
    assertThat(diverse.stream().map(i -> CATALOG.find(i).orElseThrow().category()).distinct()).hasSize(3);
  }

  @Test
  void homeDefaultsDiversifyAndAreStableWithinADay() {
    RecommendationService defaults = service(MODELS, Map.of(), CLOCK);
    List<String> first = items(defaults.recommend(request(Scene.HOME, null, 6)));
    assertThat(first).isEqualTo(items(defaults.recommend(request(Scene.HOME, null, 6))));
    assertThat(first).isNotEqualTo(items(PLAIN.recommend(request(Scene.HOME, null, 6))));
  }

  @Test
  void explorationGivesNewItemsExposureAcrossDays() {
    RerankSettings exploring = new RerankSettings(0, 0, Duration.ofDays(30), Diversity.none(), 1, 7);
    List<String> explored = new ArrayList<>();
    for (int day = 0; day < 20; day++) {
      Clock clock = Clock.fixed(NOW.plus(Duration.ofHours(24L * day)), ZoneOffset.UTC);
      Recommendations on = service(MODELS, with(Scene.HOME, exploring), clock).recommend(request(Scene.HOME, null, 4));
      Recommendations off = service(MODELS, plainScenes(), clock).recommend(request(Scene.HOME, null, 4));
      assertThat(items(off)).doesNotContain("tnew", "cnew");
      Set<String> newOrTail = new java.util.HashSet<>(MODELS.popular().longTail());
      newOrTail.addAll(Set.of("tnew", "cnew"));
      assertThat(on.items()).filteredOn(i -> i.source().equals(RecommendationService.EXPLORATION)).hasSize(1)
          .allSatisfy(i -> assertThat(i.item()).isIn(newOrTail));
      assertThat(on.items().get(0).item()).as("the best match keeps the top slot").isEqualTo("c1");
      on.items().stream().filter(i -> i.source().equals(RecommendationService.EXPLORATION))
          .forEach(i -> explored.add(i.item()));
    }
    assertThat(explored).containsAnyOf("tnew", "cnew");
  }

  @Test
  void aShortListIsNeverGivenToExploration() {
    RerankSettings exploring = new RerankSettings(0, 0, Duration.ofDays(30), Diversity.none(), 2, 7);
    for (int day = 0; day < 20; day++) {
      Clock clock = Clock.fixed(NOW.plus(Duration.ofHours(24L * day)), ZoneOffset.UTC);
      RecommendationService service = service(MODELS, with(Scene.HOME, exploring), clock);
      assertThat(service.recommend(request(Scene.HOME, null, 3)).items()).extracting(RecommendedItem::source)
          .containsOnly("popularity");
      assertThat(service.recommend(request(Scene.HOME, null, 7)).items()).extracting(RecommendedItem::source)
          .as("one slot per four items").filteredOn(RecommendationService.EXPLORATION::equals).hasSizeLessThan(2);
    }
  }

  @Test
  void searchDropsResultsThatCannotBeSold() {
    CatalogView changed = ServingFixture.catalogWith(Map.of("c1", ServingFixture::outOfStock,
        "t3", ServingFixture::blocked));
    RecommendationService service = new RecommendationService(() -> MODELS, () -> changed, CONSENT,
        new RecordingContexts(), plainScenes(), CLOCK, sequentialIds());
    assertThat(items(service.recommend(request(Scene.SEARCH, null, 10, "m3", "c1", "t4", "t3"))))
        .containsExactly("m3", "t4");
  }
}
