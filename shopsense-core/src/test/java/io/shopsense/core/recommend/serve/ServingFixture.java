package io.shopsense.core.recommend.serve;

import static io.shopsense.core.recommend.InteractionKind.CART;
import static io.shopsense.core.recommend.InteractionKind.PURCHASE;
import static io.shopsense.core.recommend.InteractionKind.VIEW;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.ConsentCheck;
import io.shopsense.api.privacy.ConsentDecision;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.core.recommend.BoughtTogether;
import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.core.recommend.InteractionWeights;
import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.ItemKnnRecommender;
import io.shopsense.core.recommend.RepeatPurchase;
import io.shopsense.core.recommend.SessionKnnRecommender;
import io.shopsense.core.recommend.TimeDecay;
import io.shopsense.core.recommend.internal.ItemKnnModel;
import io.shopsense.core.recommend.rules.ItemFact;
import io.shopsense.core.recommend.rules.RerankSettings;
import io.shopsense.core.recommend.serve.CatalogView.CatalogItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A small shop, trained with the real recommenders: teas (brand Leaf), coffees (Bean) and kitchen things, two new
 * items nobody has touched yet ({@code tnew}, {@code cnew}), and eight persons.
 *
 * <p>Global popularity (view 1, cart 3, purchase 5; no decay within the fixture's weeks that matters for order):
 * c1 first by far, then t1 (ann and bob buy it again and again), t2, m1, c2, t3, … Ann (tea, region DE) is known to
 * the personal model; her own neighbours (t3, m2) differ from the popular head. Cy is the only person in region JP, Bob
 * the only one in segment {@code brewers}. Ann and Bob rebuy t1 every 30 days, so t1 is a consumable due for Ann now.
 */
public final class ServingFixture {
  static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Instant OLD = NOW.minus(Duration.ofDays(365));

  static final PersonId ANN = PersonId.of("ann");
  /** Consents, unknown to the model: a cold start in region JP. */
  static final PersonId NIA = PersonId.of("nia");
  /** Consents, unknown to the model, in segment brewers. */
  static final PersonId SAM = PersonId.of("sam");
  /** Consents, unknown to the model, favours coffee. */
  static final PersonId KIM = PersonId.of("kim");

  static final List<CatalogItem> ITEMS = List.of(
      item("t1", "Green tea", "tea", "Leaf", 10, OLD),
      item("t2", "Black tea", "tea", "Leaf", 12, OLD),
      item("t3", "Oolong", "tea", "Leaf", 14, OLD),
      item("t4", "White tea", "tea", "Leaf", 20, OLD),
      item("c1", "Espresso beans", "coffee", "Bean", 15, OLD),
      item("c2", "Filter coffee", "coffee", "Bean", 11, OLD),
      item("c3", "Decaf", "coffee", "Bean", 13, OLD),
      item("m1", "Mug", "kitchen", "Clay", 8, OLD),
      item("m2", "Teapot", "kitchen", "Clay", 30, OLD),
      item("m3", "Kettle", "kitchen", "Steel", 40, OLD),
      item("tnew", "Jasmine tea", "tea", "Leaf", 12, NOW.minus(Duration.ofDays(2))),
      item("cnew", "Cold brew", "coffee", "Bean", 14, NOW.minus(Duration.ofDays(3))));

  static CatalogItem item(String id, String name, String category, String brand, double price, Instant created) {
    return new CatalogItem(new ItemFact(id, category, brand, price, 10, 0.2, created, false), name, Map.of());
  }

  static final CatalogView CATALOG = new CatalogView(ITEMS);

  /** The catalog with some items changed (out of stock, blocked, …). */
  static CatalogView catalogWith(Map<String, UnaryOperator<ItemFact>> changes) {
    List<CatalogItem> items = new ArrayList<>();
    for (CatalogItem c : ITEMS) {
      ItemFact f = changes.getOrDefault(c.fact().item(), UnaryOperator.identity()).apply(c.fact());
      items.add(new CatalogItem(f, c.name(), c.attributes()));
    }
    return new CatalogView(items);
  }

  static ItemFact outOfStock(ItemFact f) {
    return new ItemFact(f.item(), f.category(), f.brand(), f.price(), 0, f.margin(), f.createdAt(), f.blocked());
  }

  static ItemFact blocked(ItemFact f) {
    return new ItemFact(f.item(), f.category(), f.brand(), f.price(), f.stock(), f.margin(), f.createdAt(), true);
  }

  static final List<Interaction> RECORDS = records();

  private static List<Interaction> records() {
    List<Interaction> r = new ArrayList<>();
    add(r, "ann", PURCHASE, "t2", "m1:" + VIEW);
    for (int days : new int[] {90, 60, 30}) {
      r.add(new Interaction("ann", "t1", PURCHASE, 1, NOW.minus(Duration.ofDays(days))));
    }
    for (int days : new int[] {50, 20}) {
      r.add(new Interaction("bob", "t1", PURCHASE, 1, NOW.minus(Duration.ofDays(days))));
    }
    add(r, "bob", PURCHASE, "t2", "t3", "m2");
    add(r, "cy", PURCHASE, "t2", "t3", "t4:" + VIEW);
    add(r, "dee", PURCHASE, "c1", "c2", "m1");
    add(r, "eli", PURCHASE, "c1", "c2", "m3:" + CART);
    add(r, "fox", PURCHASE, "c1", "c3", "m1");
    add(r, "gus", PURCHASE, "c1", "c2:" + VIEW);
    add(r, "hal", PURCHASE, "c1", "m1:" + VIEW);
    return List.copyOf(r);
  }

  /** Records of one person ten days ago; {@code item:KIND} overrides the kind. */
  private static void add(List<Interaction> r, String user, InteractionKind kind, String... items) {
    for (String spec : items) {
      String[] parts = spec.split(":");
      InteractionKind k = parts.length > 1 ? InteractionKind.valueOf(parts[1]) : kind;
      r.add(new Interaction(user, parts[0], k, 1, NOW.minus(Duration.ofDays(10))));
    }
  }

  /** What the person store knows; the trained contexts of the model's persons and the cold-start persons. */
  static final Map<PersonId, PersonContext> CONTEXTS = Map.of(
      ANN, new PersonContext(ANN, "DE", List.of(), List.of("tea"), Set.of("t1", "t2")),
      PersonId.of("bob"), new PersonContext(PersonId.of("bob"), "DE", List.of("brewers"), List.of(), Set.of()),
      PersonId.of("cy"), new PersonContext(PersonId.of("cy"), "JP", List.of(), List.of(), Set.of()),
      NIA, new PersonContext(NIA, "JP", List.of(), List.of(), Set.of()),
      SAM, new PersonContext(SAM, "", List.of("brewers"), List.of(), Set.of()),
      KIM, new PersonContext(KIM, "", List.of(), List.of("coffee"), Set.of()));

  static final ModelSet MODELS = train("v1");

  static ModelSet train(String version) {
    Interactions matrix = Interactions.of(RECORDS, InteractionWeights.DEFAULT);
    ItemKnnModel knn = new ItemKnnRecommender(CLOCK, new ItemKnnRecommender.Settings(20, 0)).train(matrix);
    Map<String, List<String>> baskets = new LinkedHashMap<>();
    for (Interaction r : RECORDS) {
      if (r.kind() == PURCHASE) {
        List<String> basket = baskets.computeIfAbsent(r.user(), u -> new ArrayList<>());
        if (!basket.contains(r.item())) {
          basket.add(r.item());
        }
      }
    }
    Map<String, String> categories = new HashMap<>();
    ITEMS.forEach(c -> categories.put(c.fact().item(), c.fact().category()));
    ScopedPopularity popular = ScopedPopularity.train(RECORDS, InteractionWeights.DEFAULT,
        new TimeDecay(Duration.ofDays(365), NOW), NOW, categories::get,
        user -> CONTEXTS.get(PersonId.of(user)));
    return new ModelSet(version, NOW, Optional.of(knn), Optional.of(knn),
        Optional.of(new BoughtTogether(CLOCK, new BoughtTogether.Settings(0, 0, 0, 50)).train(baskets.values())),
        Optional.of(new RepeatPurchase(CLOCK, new RepeatPurchase.Settings(2, 2, Duration.ofDays(3))).train(RECORDS)),
        Optional.of(new SessionKnnRecommender(CLOCK, new SessionKnnRecommender.Settings(20, 10)).train(matrix)),
        popular, TrainingSummary.EMPTY);
  }

  /** Every scene with every knob off: the candidates' order stands, so tests can read the sources. */
  static Map<Scene, SceneSettings> plainScenes() {
    Map<Scene, SceneSettings> scenes = new EnumMap<>(Scene.class);
    for (Scene s : Scene.values()) {
      scenes.put(s, new SceneSettings(RerankSettings.OFF));
    }
    return scenes;
  }

  static RecommendationRequest request(Scene scene, PersonId person, int n, String... items) {
    return new RecommendationRequest(scene, Optional.ofNullable(person), List.of(items), n, Locale.ENGLISH);
  }

  /** The consent port over a fixed set of consenting persons; it counts its calls. */
  /** A consent port that allows personalisation to the given persons only and remembers who was asked. */
  public static final class MapConsent implements ConsentCheck {
    private final Set<PersonId> consenting;
    final List<PersonId> asked = new ArrayList<>();

    public MapConsent(Set<PersonId> consenting) {
      this.consenting = Set.copyOf(consenting);
    }

    @Override
    public synchronized ConsentDecision check(PersonId person, Purpose purpose) {
      asked.add(person);
      return consenting.contains(person) && purpose == Purpose.PERSONALISATION
          ? new ConsentDecision.Allowed(purpose, LawfulBasis.CONSENT, false)
          : new ConsentDecision.Refused(purpose, ConsentDecision.NO_CONSENT_RECORDED);
    }

    @Override
    public Map<PersonId, ConsentDecision> check(Collection<PersonId> persons, Purpose purpose) {
      Map<PersonId, ConsentDecision> out = new HashMap<>();
      persons.forEach(p -> out.put(p, check(p, purpose)));
      return out;
    }
  }

  /** The person store; it records whom it was asked about. */
  static final class RecordingContexts implements PersonContexts {
    final List<PersonId> read = new ArrayList<>();

    @Override
    public synchronized Optional<PersonContext> find(PersonId person) {
      read.add(person);
      return Optional.ofNullable(CONTEXTS.get(person));
    }
  }

  /** Sequential list ids: rec-1, rec-2, … */
  static Supplier<String> sequentialIds() {
    AtomicInteger next = new AtomicInteger();
    return () -> "rec-" + next.incrementAndGet();
  }
}
