package io.shopsense.core.recommend.serve;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.ConsentCheck;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.core.recommend.Explanations;
import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.ScoredItem;
import io.shopsense.core.recommend.UserRef;
import io.shopsense.core.recommend.rules.ItemPolicy;
import io.shopsense.core.recommend.rules.Rerank;
import io.shopsense.core.recommend.rules.RerankRequest;
import io.shopsense.core.recommend.rules.RerankResult;
import io.shopsense.core.recommend.rules.RerankSettings;
import io.shopsense.core.recommend.serve.internal.ContentIndex;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The serving path: scene candidates from the current {@link ModelSet}, the consent check, cold start, business
 * rules, diversity, exploration and explanations. Thread-safe; reads the model set and catalog once per request, so a
 * swap between two requests is atomic for each.
 *
 * <p><b>Consent.</b> When the request names a person, {@link ConsentCheck#check} for
 * {@link Purpose#PERSONALISATION} decides first. Without consent (or without a person) nothing personal is used: no
 * personal model, no {@link PersonContext} (it is not even read), no already-bought filter, and none of HOME's items
 * (the visitor's recent items are behaviour data); the list is {@link Recommendations.Basis#NON_PERSONALISED}. The
 * context items of the other scenes (the page's product, the cart, the order, the search results) are what the page
 * shows, not data about the person, and are used for everybody.
 *
 * <p><b>Pipeline.</b> {@link SceneCandidates} (or {@link SearchCandidates}) → {@link Rerank} with the scene's
 * {@link SceneSettings} and {@link ItemPolicy#standard()} (SEARCH keeps items the person bought: they searched for
 * them) → {@link Explanations} with the catalog's names. Items placed by exploration carry the source
 * {@value #EXPLORATION}. Exploration is seeded by person (or page), scene and day, so a list is stable within a day,
 * and takes at most one slot per {@value #ITEMS_PER_EXPLORATION_SLOT} items of the list.
 */
public final class RecommendationService {
  /** The source of items that exploration placed. */
  public static final String EXPLORATION = "exploration";
  /** A list needs at least this many items per exploration slot. */
  public static final int ITEMS_PER_EXPLORATION_SLOT = 4;

  private final Supplier<ModelSet> models;
  private final Supplier<CatalogView> catalog;
  private final ConsentCheck consent;
  private final PersonContexts contexts;
  private final Map<Scene, SceneSettings> scenes;
  private final Clock clock;
  private final Supplier<String> ids;
  private final ContentIndex.Cache contentIndex = new ContentIndex.Cache();

  /** With random UUIDs as list ids. */
  public RecommendationService(Supplier<ModelSet> models, Supplier<CatalogView> catalog, ConsentCheck consent,
      PersonContexts contexts, Map<Scene, SceneSettings> scenes, Clock clock) {
    this(models, catalog, consent, contexts, scenes, clock, () -> UUID.randomUUID().toString());
  }

  /**
   * @param scenes settings per scene; a scene that is missing gets {@link SceneSettings#defaults}
   * @param ids    a fresh id per response (thread-safe)
   */
  public RecommendationService(Supplier<ModelSet> models, Supplier<CatalogView> catalog, ConsentCheck consent,
      PersonContexts contexts, Map<Scene, SceneSettings> scenes, Clock clock, Supplier<String> ids) {
    this.models = Objects.requireNonNull(models, "models");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.consent = Objects.requireNonNull(consent, "consent");
    this.contexts = Objects.requireNonNull(contexts, "contexts");
    Map<Scene, SceneSettings> all = new EnumMap<>(Scene.class);
    for (Scene s : Scene.values()) {
      all.put(s, scenes.getOrDefault(s, SceneSettings.defaults(s)));
    }
    this.scenes = all;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  public Recommendations recommend(RecommendationRequest request) {
    Objects.requireNonNull(request, "request");
    ModelSet set = Objects.requireNonNull(models.get(), "the model supplier returned null");
    CatalogView view = Objects.requireNonNull(catalog.get(), "the catalog supplier returned null");
    ContentIndex content = contentIndex.forCatalog(view);
    Instant now = clock.instant();
    Audience audience = audience(request, set);
    RecommendationRequest served = audience == Audience.Anonymous.INSTANCE && request.scene() == Scene.HOME
        ? new RecommendationRequest(request.scene(), request.person(), List.of(), request.n(), request.locale())
        : request;
    RerankSettings knobs = forListOf(scenes.get(request.scene()).rerank(), request.n());
    Candidates candidates = request.scene() == Scene.SEARCH
        ? SearchCandidates.rank(set, served, audience)
        : new SceneCandidates(set, content, served, audience, knobs, now).collect();
    ItemPolicy policy = request.scene() == Scene.SEARCH
        ? ItemPolicy.notBlocked().and(ItemPolicy.inStock()) : ItemPolicy.standard();
    RerankRequest rerank = new RerankRequest(key(served, audience, now), request.n(), now, bought(audience),
        set.repeat().map(r -> r.consumables()).orElse(Set.of()), set.popular().longTail());
    RerankResult result = new Rerank(view, policy, knobs).apply(candidates.ranked(), rerank);
    Explanations explanations = new Explanations(view::name);
    List<RecommendedItem> items = new ArrayList<>(result.items().size());
    for (ScoredItem s : result.items()) {
      String source = result.explored().contains(s.item()) ? EXPLORATION : candidates.sourceOf(s.item());
      Reason reason = candidates.reasonOf(s.item(), s.reason());
      items.add(new RecommendedItem(s.item(), s.score(), source, reason,
          explanations.explain(reason, request.locale())));
    }
    return new Recommendations(ids.get(), request.scene(), set.version(), audience.basis(), items);
  }

  /**
   * The scene's knobs for a list of {@code n}: at most one exploration slot per {@value #ITEMS_PER_EXPLORATION_SLOT}
   * items, so a short list (a strip of three) is never given over to items that did not earn their place.
   */
  private static RerankSettings forListOf(RerankSettings knobs, int n) {
    int slots = Math.min(knobs.explorationSlots(), n / ITEMS_PER_EXPLORATION_SLOT);
    return slots == knobs.explorationSlots() ? knobs : new RerankSettings(knobs.marginWeight(),
        knobs.newItemWeight(), knobs.newItemAge(), knobs.diversity(), slots, knobs.seed());
  }

  /** The consent check, then (only with consent) the person's context and whether the personal model knows them. */
  private Audience audience(RecommendationRequest request, ModelSet set) {
    if (request.person().isEmpty()) {
      return Audience.Anonymous.INSTANCE;
    }
    PersonId person = request.person().get();
    if (!consent.check(person, Purpose.PERSONALISATION).allowed()) {
      return Audience.Anonymous.INSTANCE;
    }
    PersonContext context = contexts.find(person).orElseGet(() -> PersonContext.empty(person));
    UserRef user = set.personal().map(m -> m.user(person.value())).orElse(UserRef.unknown());
    return user instanceof UserRef.Known known ? new Audience.Known(context, known) : new Audience.ColdStart(context);
  }

  private static Set<String> bought(Audience audience) {
    if (audience instanceof Audience.Known known) {
      return known.context().bought();
    }
    return audience instanceof Audience.ColdStart cold ? cold.context().bought() : Set.of();
  }

  /** Seeds exploration: the same person (or, without consent, the same page) sees the same list all day. */
  private static String key(RecommendationRequest request, Audience audience, Instant now) {
    String who = audience instanceof Audience.Known known ? known.context().person().value()
        : audience instanceof Audience.ColdStart cold ? cold.context().person().value() : "";
    return who + '|' + request.scene().wireName() + '|' + LocalDate.ofInstant(now, ZoneOffset.UTC) + '|'
        + String.join(",", request.items());
  }
}
