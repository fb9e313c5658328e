package io.shopsense.core.recommend.serve;

import static io.shopsense.core.recommend.serve.ServingFixture.ANN;
import static io.shopsense.core.recommend.serve.ServingFixture.CATALOG;
import static io.shopsense.core.recommend.serve.ServingFixture.CLOCK;
import static io.shopsense.core.recommend.serve.ServingFixture.MODELS;
import static io.shopsense.core.recommend.serve.ServingFixture.NIA;
import static io.shopsense.core.recommend.serve.ServingFixture.catalogWith;
import static io.shopsense.core.recommend.serve.ServingFixture.plainScenes;
import static io.shopsense.core.recommend.serve.ServingFixture.request;
import static io.shopsense.core.recommend.serve.ServingFixture.sequentialIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.PersonId;
import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.ScoredItem;
import io.shopsense.core.recommend.rules.ItemFact;
import io.shopsense.core.recommend.serve.Recommendations.Basis;
import io.shopsense.core.recommend.serve.ServingFixture.MapConsent;
import io.shopsense.core.recommend.serve.ServingFixture.RecordingContexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Consent, basis, ids, versions, rules and explanations of the serving path. */
class RecommendationServiceTest {
  final MapConsent consent = new MapConsent(Set.of(ANN, NIA));
  final RecordingContexts contexts = new RecordingContexts();

  RecommendationService service(ModelSet models, CatalogView catalog) {
    return new RecommendationService(() -> models, () -> catalog, consent, contexts, plainScenes(), CLOCK,
        sequentialIds());
  }

  final RecommendationService service = service(MODELS, CATALOG);

  static List<String> items(Recommendations r) {
    return r.items().stream().map(RecommendedItem::item).toList();
  }

  @Test
  void aPersonWithoutConsentGetsExactlyTheAnonymousListAndNothingOfTheirsIsRead() {
    MapConsent nobody = new MapConsent(Set.of());
    RecommendationService refusing = new RecommendationService(() -> MODELS, () -> CATALOG, nobody, contexts,
        plainScenes(), CLOCK, sequentialIds());

    Recommendations refused = refusing.recommend(request(Scene.HOME, ANN, 6, "t3"));
    Recommendations anonymous = refusing.recommend(request(Scene.HOME, null, 6));

    assertThat(nobody.asked).containsExactly(ANN);
    assertThat(contexts.read).as("the person's context is not even read").isEmpty();
    assertThat(refused.basis()).isEqualTo(Basis.NON_PERSONALISED);
    assertThat(items(refused)).isEqualTo(items(anonymous))
        .startsWith("c1", "t1", "t2")            // the popular head, not Ann's neighbours (m2, t4)
        .contains("t2", "t3");                   // she bought t2 (no bought-filter), she viewed t3 (not excluded)
    assertThat(refused.items()).extracting(RecommendedItem::reason).containsOnly(Reason.PopularIn.global());
  }

  @Test
  void aConsentingPersonTheModelKnowsGetsTheirOwnListWithReasons() {
    Recommendations r = service.recommend(request(Scene.HOME, ANN, 6));

    assertThat(consent.asked).containsExactly(ANN);
    assertThat(contexts.read).containsExactly(ANN);
    assertThat(r.basis()).isEqualTo(Basis.PERSONALISED);
    assertThat(r.items().get(0).item()).isNotEqualTo(MODELS.popular().top("global", 1, Set.of()).get(0).item());
    assertThat(r.items()).filteredOn(i -> i.source().equals("item-knn")).isNotEmpty()
        .allSatisfy(i -> assertThat(i.reason()).isInstanceOf(Reason.Because.class));
  }

  @Test
  void aConsentingPersonTheModelDoesNotKnowIsAColdStart() {
    Recommendations r = service.recommend(request(Scene.HOME, NIA, 4));
    assertThat(r.basis()).isEqualTo(Basis.COLD_START);
    assertThat(contexts.read).containsExactly(NIA);
  }

  @Test
  void nobodyKnownIsNonPersonalisedAndConsentIsNotAsked() {
    Recommendations r = service.recommend(request(Scene.PRODUCT, null, 4, "t1"));
    assertThat(r.basis()).isEqualTo(Basis.NON_PERSONALISED);
    assertThat(consent.asked).isEmpty();
    assertThat(contexts.read).isEmpty();
  }

  @Test
  void alreadyBoughtItemsAreDroppedExceptConsumables() {
    Recommendations r = service.recommend(request(Scene.HOME, ANN, 8));
    // Ann bought t1 (a consumable, due again) and t2 (not a consumable)
    assertThat(items(r)).contains("t1").doesNotContain("t2");
    assertThat(r.items().get(0)).extracting(RecommendedItem::item, RecommendedItem::source, RecommendedItem::reason)
        .containsExactly("t1", "repeat-purchase", new Reason.DueAgain("t1"));
  }

  @Test
  void outOfStockAndBlockedItemsAreDropped() {
    CatalogView changed = catalogWith(Map.<String, UnaryOperator<ItemFact>>of(
        "t3", ServingFixture::outOfStock, "m2", ServingFixture::blocked));
    Recommendations before = service.recommend(request(Scene.PRODUCT, null, 6, "t1"));
    Recommendations after = service(MODELS, changed).recommend(request(Scene.PRODUCT, null, 6, "t1"));
    assertThat(items(before)).contains("t3", "m2");
    assertThat(items(after)).doesNotContain("t3", "m2").hasSize(6);
  }

  @Test
  void contextItemsNeverComeBack() {
    assertThat(items(service.recommend(request(Scene.PRODUCT, null, 10, "t1")))).doesNotContain("t1");
    assertThat(items(service.recommend(request(Scene.CART, ANN, 10, "c1", "c2")))).doesNotContain("c1", "c2");
    assertThat(items(service.recommend(request(Scene.HOME, NIA, 10, "t4")))).doesNotContain("t4");
  }

  @Test
  void explanationsAreInTheRequestsLanguageWithNames() {
    RecommendationRequest en = request(Scene.PRODUCT, null, 3, "t1");
    RecommendationRequest zh = new RecommendationRequest(Scene.PRODUCT, Optional.empty(), List.of("t1"), 3,
        Locale.SIMPLIFIED_CHINESE);
    assertThat(service.recommend(en).items()).extracting(RecommendedItem::explanation)
        .containsOnly("Similar to Green tea");
    assertThat(service.recommend(zh).items()).extracting(RecommendedItem::explanation)
        .containsOnly("与Green tea相似");
    assertThat(service.recommend(request(Scene.HOME, null, 3)).items()).extracting(RecommendedItem::explanation)
        .containsOnly("Popular this week");
  }

  @Test
  void everyListHasAFreshIdAndTheModelVersion() {
    Recommendations first = service.recommend(request(Scene.HOME, null, 3));
    Recommendations second = service.recommend(request(Scene.HOME, null, 3));
    assertThat(first.id()).isEqualTo("rec-1");
    assertThat(second.id()).isEqualTo("rec-2");
    assertThat(first.modelVersion()).isEqualTo("v1");
    assertThat(first.scene()).isEqualTo(Scene.HOME);
  }

  @Test
  void theDefaultIdsAreRandomUuids() {
    RecommendationService defaults = new RecommendationService(() -> MODELS, () -> CATALOG, consent, contexts,
        Map.of(), CLOCK);
    String a = defaults.recommend(request(Scene.HOME, null, 3)).id();
    String b = defaults.recommend(request(Scene.HOME, null, 3)).id();
    assertThat(a).matches("[0-9a-f-]{36}").isNotEqualTo(b);
  }

  @Test
  void aSwappedModelSetServesTheNextRequest() {
    AtomicReference<ModelSet> current = new AtomicReference<>(MODELS);
    RecommendationService swapping = new RecommendationService(current::get, () -> CATALOG, consent, contexts,
        plainScenes(), CLOCK, sequentialIds());
    assertThat(swapping.recommend(request(Scene.HOME, ANN, 3)).modelVersion()).isEqualTo("v1");
    current.set(ServingFixture.train("v2"));
    assertThat(swapping.recommend(request(Scene.HOME, ANN, 3)).modelVersion()).isEqualTo("v2");
    current.set(ModelSet.empty());
    Recommendations none = swapping.recommend(request(Scene.HOME, ANN, 3));
    assertThat(none.modelVersion()).isEqualTo(ModelSet.NONE);
    assertThat(none.basis()).as("consent, but no model knows her").isEqualTo(Basis.COLD_START);
  }

  @Test
  void aShopWithoutModelsGetsItsNewestAvailableItems() {
    CatalogView changed = catalogWith(Map.of("tnew", ServingFixture::outOfStock));
    Recommendations r = service(ModelSet.empty(), changed).recommend(request(Scene.HOME, null, 3));
    // tnew is the newest but out of stock; the rest of the catalog is equally old, ordered by id
    assertThat(items(r)).containsExactly("cnew", "c1", "c2");
    assertThat(r.items().get(0).reason()).isEqualTo(new Reason.NewIn("coffee"));
    assertThat(r.items().get(0).explanation()).isEqualTo("New in coffee");
    assertThat(r.items()).extracting(RecommendedItem::source).containsOnly("content");
  }

  @Test
  void anEmptyCatalogGivesAnEmptyListNotAnError() {
    Recommendations r = service(ModelSet.empty(), CatalogView.EMPTY).recommend(request(Scene.PRODUCT, ANN, 5, "x"));
    assertThat(r.items()).isEmpty();
    assertThat(r.modelVersion()).isEqualTo(ModelSet.NONE);
  }

  @Test
  void itemsTheCatalogDoesNotKnowAreNeverShown() {
    CatalogView withoutC1 = new CatalogView(ServingFixture.ITEMS.stream()
        .filter(c -> !c.fact().item().equals("c1")).toList());
    assertThat(items(service(MODELS, withoutC1).recommend(request(Scene.HOME, null, 10)))).doesNotContain("c1");
  }

  @Test
  void theScoresFollowTheListOrderWhenNoKnobIsOn() {
    List<Double> scores = service.recommend(request(Scene.HOME, null, 6)).items().stream()
        .map(RecommendedItem::score).toList();
    assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(scores.get(0)).isEqualTo(1.0);
  }

  @Test
  void anUnknownPersonWithoutConsentGetsTheGlobalPopularList() {
    PersonId stranger = PersonId.of("zed");   // consents to nothing, unknown to every store
    Recommendations r = service.recommend(request(Scene.HOME, stranger, 3));
    assertThat(r.basis()).isEqualTo(Basis.NON_PERSONALISED);
    assertThat(contexts.read).isEmpty();
    assertThat(r.items()).extracting(RecommendedItem::item).containsExactlyElementsOf(
        MODELS.popular().top("global", 3, Set.of()).stream().map(ScoredItem::item).toList());
  }

  @Test
  void concurrentRequestsDuringSwapsEachSeeOneWholeVersion() throws Exception {
    ModelSet v2 = ServingFixture.train("v2");
    AtomicReference<ModelSet> current = new AtomicReference<>(MODELS);
    RecommendationService shared = new RecommendationService(current::get, () -> CATALOG, consent, contexts,
        Map.of(), CLOCK);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        PersonId person = t % 2 == 0 ? ANN : NIA;
        futures.add(pool.submit(() -> {
          List<String> versions = new ArrayList<>();
          for (int i = 0; i < 200; i++) {
            Recommendations r = shared.recommend(request(Scene.values()[i % Scene.values().length], person, 5,
                "t1", "c1"));
            assertThat(r.items()).isNotEmpty();
            versions.add(r.modelVersion());
          }
          return versions;
        }));
      }
      for (int i = 0; i < 100; i++) {
        current.set(i % 2 == 0 ? v2 : MODELS);
        Thread.yield();
      }
      for (Future<List<String>> f : futures) {
        assertThat(f.get()).hasSize(200).allMatch(v -> v.equals("v1") || v.equals("v2"));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
