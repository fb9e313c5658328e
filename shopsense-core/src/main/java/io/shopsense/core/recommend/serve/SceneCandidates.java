package io.shopsense.core.recommend.serve;

import io.shopsense.core.recommend.BoughtTogether;
import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.RepeatPurchase;
import io.shopsense.core.recommend.ScoredItem;
import io.shopsense.core.recommend.internal.ItemKnnModel;
import io.shopsense.core.recommend.internal.PopularityModel;
import io.shopsense.core.recommend.internal.SessionKnnModel;
import io.shopsense.core.recommend.rules.RerankSettings;
import io.shopsense.core.recommend.serve.internal.ContentIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The candidate sources of each {@link Scene} for one request, in priority order (see {@link Scene} for the sources
 * of each). Every scene ends with the audience's own list: the personal model (and due consumables on HOME and EMAIL)
 * for a known person; session, region, segment and interest popularity for a cold start; global popularity for
 * everybody else. Catalog's newest items fill a list that is still short (a shop without models). New items join
 * when the scene explores. Each source is asked for {@value #OVER_FETCH}·n items so rules have room to drop.
 *
 * <p>{@link Audience.Anonymous} carries nothing of the person, so nothing personal can reach the candidates; the
 * caller also drops HOME's items (the visitor's recent items, behaviour data) for it.
 */
final class SceneCandidates {
  static final int OVER_FETCH = 4;
  static final String POPULARITY = PopularityModel.NAME;
  static final String CONTENT = "content";
  /** Interest categories used for a cold start and for exploration; more dilute the list. */
  private static final int MAX_INTERESTS = 3;
  /** Context items that get their own neighbour lists (a 50-line cart would otherwise cost 50 lookups). */
  private static final int MAX_PAGE_ITEMS = 10;

  private final ModelSet models;
  private final ContentIndex content;
  private final RecommendationRequest request;
  private final Audience audience;
  private final RerankSettings rerank;
  private final Instant now;
  private final int want;
  private final Set<String> exclude;

  SceneCandidates(ModelSet models, ContentIndex content, RecommendationRequest request, Audience audience,
      RerankSettings rerank, Instant now) {
    this.models = models;
    this.content = content;
    this.request = request;
    this.audience = audience;
    this.rerank = rerank;
    this.now = now;
    this.want = OVER_FETCH * request.n();
    this.exclude = Set.copyOf(request.items());
  }

  /** The candidates of every scene but {@link Scene#SEARCH}, which re-ranks its items instead. */
  Candidates collect() {
    Candidates out = new Candidates(exclude);
    switch (request.scene()) {
      case PRODUCT -> {
        out.interleave(pageSources(true));
        out.add(POPULARITY, categoryPopular());
      }
      case CART -> {
        models.bundles().ifPresent(b -> out.add(BoughtTogether.NAME, b.bundleFor(request.items(), want)));
        out.interleave(pageSources(false));
      }
      case POST_PURCHASE ->
          models.bundles().ifPresent(b -> out.add(BoughtTogether.NAME, b.bundleFor(request.items(), want)));
      default -> {
        // HOME and EMAIL: the audience's list is the scene
      }
    }
    audienceList(out);
    if (rerank.explorationSlots() > 0 || rerank.newItemWeight() > 0) {
      out.interleave(newItemSources());
    }
    if (out.size() < want) {
      // a shop without models (or with very few items) still gets a list: its newest available items
      out.add(CONTENT, content.newest(null, Instant.MIN, want - out.size(), exclude));
    }
    return out;
  }

  /**
   * Per context item (the first {@value #MAX_PAGE_ITEMS}): its item-kNN neighbours, or content-similar items when
   * item-kNN knows nothing of it (a new item); and, with {@code complements}, what is often bought with it.
   */
  private List<Candidates.Source> pageSources(boolean complements) {
    List<Candidates.Source> sources = new ArrayList<>();
    for (String item : new LinkedHashSet<>(request.items()).stream().limit(MAX_PAGE_ITEMS).toList()) {
      List<ScoredItem> similar = models.similar().map(m -> m.similarItems(item, want, exclude)).orElse(List.of());
      sources.add(similar.isEmpty()
          ? new Candidates.Source(CONTENT, content.similarTo(item, want, exclude))
          : new Candidates.Source(ItemKnnModel.NAME, similar));
      if (complements) {
        models.bundles().ifPresent(b ->
            sources.add(new Candidates.Source(BoughtTogether.NAME, b.complementsOf(item, want))));
      }
    }
    return sources;
  }

  /** Popular in the categories of the context items (a product page whose item has few neighbours). */
  private List<ScoredItem> categoryPopular() {
    List<ScoredItem> out = new ArrayList<>();
    for (String category : contextCategories()) {
      out.addAll(models.popular().top(ScopedPopularity.categoryScope(category), want, exclude));
    }
    return out;
  }

  private void audienceList(Candidates out) {
    if (audience instanceof Audience.Known known) {
      personalList(out, known);
    } else if (audience instanceof Audience.ColdStart cold) {
      coldStartList(out, cold.context());
    }
    out.add(POPULARITY, models.popular().top(ScopedPopularity.GLOBAL, want, exclude));
  }

  private void personalList(Candidates out, Audience.Known known) {
    boolean dueScene = request.scene() == Scene.HOME || request.scene() == Scene.EMAIL;
    if (dueScene) {
      // due consumables first, but never more than a quarter of the list: they are few, timely and certain
      int dueCount = Math.max(1, request.n() / 4);
      models.repeat().ifPresent(r ->
          out.add(RepeatPurchase.NAME, r.dueFor(known.context().person().value(), now, dueCount)));
    }
    RecommenderModel personal = models.personal().orElseThrow();
    // the model fills its list with global popularity; say so in the source
    out.addPicks(personal.recommender(), POPULARITY, personal.picks(known.user(), want, exclude));
  }

  /**
   * A consenting person the model does not know: the session's neighbours on HOME (the request's recent items), then
   * region, segments and interests in turns (new items of a favourite category before its popular ones).
   */
  private void coldStartList(Candidates out, PersonContext context) {
    if (request.scene() == Scene.HOME && !request.items().isEmpty()) {
      models.sessions().ifPresent(s -> out.add(SessionKnnModel.NAME,
          s.recommendForSession(request.items(), want, exclude).stream()
              .filter(i -> i.reason() instanceof Reason.Because).toList()));
    }
    List<Candidates.Source> scoped = new ArrayList<>();
    if (!context.region().isBlank()) {
      scoped.add(popularIn(ScopedPopularity.regionScope(context.region())));
    }
    context.segments().forEach(s -> scoped.add(popularIn(ScopedPopularity.segmentScope(s))));
    Instant since = now.minus(rerank.newItemAge());
    for (String interest : context.interests().subList(0, Math.min(MAX_INTERESTS, context.interests().size()))) {
      scoped.add(new Candidates.Source(CONTENT, content.newest(interest, since, request.n(), exclude)));
      scoped.add(popularIn(ScopedPopularity.categoryScope(interest)));
    }
    out.interleave(scoped);
  }

  private Candidates.Source popularIn(String scope) {
    return new Candidates.Source(POPULARITY, models.popular().top(scope, want, exclude));
  }

  /**
   * New items exploration may promote: of the person's interests (with consent) and of the context items'
   * categories, else of any category.
   */
  private List<Candidates.Source> newItemSources() {
    Instant since = now.minus(rerank.newItemAge());
    Set<String> categories = new LinkedHashSet<>();
    if (audience instanceof Audience.Known known) {
      categories.addAll(known.context().interests());
    } else if (audience instanceof Audience.ColdStart cold) {
      categories.addAll(cold.context().interests());
    }
    categories.addAll(contextCategories());
    List<Candidates.Source> sources = new ArrayList<>();
    categories.stream().limit(MAX_INTERESTS).forEach(c ->
        sources.add(new Candidates.Source(CONTENT, content.newest(c, since, request.n(), exclude))));
    if (sources.stream().allMatch(s -> s.items().isEmpty())) {
      sources.add(new Candidates.Source(CONTENT, content.newest(null, since, request.n(), exclude)));
    }
    return sources;
  }

  private Set<String> contextCategories() {
    Set<String> categories = new LinkedHashSet<>();
    for (String item : request.items()) {
      content.catalog().find(item).map(f -> f.category()).filter(c -> !c.isBlank()).ifPresent(categories::add);
    }
    return categories;
  }
}
