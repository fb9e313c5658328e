package io.shopsense.core.recommend.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.ScoredItem;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RerankTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final Instant OLD = NOW.minus(Duration.ofDays(400));

  /** a, b: shoes/nike; c: shirts/puma; d: out of stock; e: blocked; f: new shirts/nike; g: hats/puma. */
  static final Map<String, ItemFact> FACTS = Stream.of(
      new ItemFact("a", "shoes", "nike", 80, 5, 0.1, OLD, false),
      new ItemFact("b", "shoes", "nike", 90, 5, 0.5, OLD, false),
      new ItemFact("c", "shirts", "puma", 30, 5, 0.2, OLD, false),
      new ItemFact("d", "shoes", "adidas", 70, 0, 0.4, OLD, false),
      new ItemFact("e", "hats", "nike", 20, 9, 0.4, OLD, true),
      new ItemFact("f", "shirts", "nike", 35, 3, 0.0, NOW.minus(Duration.ofDays(2)), false),
      new ItemFact("g", "hats", "puma", 15, 1, 0.3, OLD, false))
      .collect(Collectors.toMap(ItemFact::item, Function.identity()));
  static final ItemFacts LOOKUP = item -> Optional.ofNullable(FACTS.get(item));

  static ScoredItem s(String item, double score) {
    return new ScoredItem(item, score, new Reason.Because("x"));
  }

  /** The allowed part of {@link #CANDIDATES} is a 10, b 9, c 8, f 5, g 4. */
  static final List<ScoredItem> ALLOWED = List.of(s("a", 10), s("b", 9), s("c", 8), s("f", 5), s("g", 4));
  static final List<ScoredItem> CANDIDATES = List.of(s("a", 10), s("b", 9), s("c", 8), s("d", 7), s("e", 6),
      s("f", 5), s("g", 4), s("zz", 3), s("a", 2));

  static RerankSettings settings(double margin, double fresh, Diversity diversity, int explore) {
    return new RerankSettings(margin, fresh, Duration.ofDays(30), diversity, explore, 42);
  }

  static List<String> ids(RerankResult r) {
    return r.items().stream().map(ScoredItem::item).toList();
  }

  @Test
  void dropsEachRejectedCandidateWithItsReason() {
    RerankResult r = new Rerank(LOOKUP, ItemPolicy.standard(), RerankSettings.OFF)
        .apply(CANDIDATES, RerankRequest.of("k", 10, NOW));
    assertThat(r.items()).isEqualTo(ALLOWED);
    assertThat(r.dropped()).extracting(RerankResult.Dropped::item, RerankResult.Dropped::reason).containsExactly(
        tuple("d", DropReason.OUT_OF_STOCK), tuple("e", DropReason.BLOCKED), tuple("zz", DropReason.UNKNOWN_ITEM),
        tuple("a", DropReason.DUPLICATE));
    assertThat(r.explored()).isEmpty();
  }

  @Test
  void alreadyBoughtIsDroppedUnlessConsumable() {
    RerankRequest request = new RerankRequest("k", 10, NOW, Set.of("b", "c"), Set.of("c"), Set.of());
    RerankResult r = new Rerank(LOOKUP, ItemPolicy.standard(), RerankSettings.OFF).apply(ALLOWED, request);
    assertThat(ids(r)).containsExactly("a", "c", "f", "g");
    assertThat(r.dropped()).containsExactly(new RerankResult.Dropped("b", DropReason.ALREADY_BOUGHT));
  }

  @Test
  void policiesCompose() {
    RerankRequest request = RerankRequest.of("k", 10, NOW);
    ItemFact outOfStock = FACTS.get("d");
    ItemFact blockedAndEmpty = new ItemFact("h", "hats", "x", 1, 0, 0, OLD, true);
    assertThat(ItemPolicy.standard().check(blockedAndEmpty, request)).isEqualTo(Verdict.reject(DropReason.BLOCKED));
    assertThat(ItemPolicy.inStock().and(ItemPolicy.notBlocked()).check(blockedAndEmpty, request))
        .as("and: the first rejection").isEqualTo(Verdict.reject(DropReason.OUT_OF_STOCK));
    assertThat(ItemPolicy.inStock().or(ItemPolicy.notBlocked()).check(outOfStock, request)).isEqualTo(Verdict.allow());
    assertThat(ItemPolicy.inStock().or(ItemPolicy.notBlocked()).check(blockedAndEmpty, request))
        .as("or: the second's reason").isEqualTo(Verdict.reject(DropReason.BLOCKED));
    assertThat(ItemPolicy.standard().check(FACTS.get("a"), request).allowed()).isTrue();
  }

  @Test
  void boostsMarginAndNewItemsRelativeToTheTopScore() {
    // scale 10; margin weight 1: a 10 + 1 = 11, b 9 + 5 = 14, c 8 + 2 = 10, f 5 + 0 = 5, g 4 + 3 = 7
    RerankResult margin = new Rerank(LOOKUP, ItemPolicy.standard(), settings(1, 0, Diversity.none(), 0))
        .apply(ALLOWED, RerankRequest.of("k", 10, NOW));
    assertThat(margin.items()).extracting(ScoredItem::item, ScoredItem::score).containsExactly(
        tuple("b", 14.0), tuple("a", 11.0), tuple("c", 10.0), tuple("g", 7.0), tuple("f", 5.0));
    // new weight 0.6: only f (2 days old) gets 10 · 0.6 = 6 → 11, above a's 10
    RerankResult fresh = new Rerank(LOOKUP, ItemPolicy.standard(), settings(0, 0.6, Diversity.none(), 0))
        .apply(ALLOWED, RerankRequest.of("k", 10, NOW));
    assertThat(ids(fresh)).containsExactly("f", "a", "b", "c", "g");
    assertThat(fresh.items().get(0).score()).isCloseTo(11.0, within(1e-12));
    assertThat(fresh.items().get(0).reason()).as("the model's reason stays").isEqualTo(new Reason.Because("x"));
  }

  @Test
  void mmrTradesRelevanceForDissimilarity() {
    // relevance (s - 4) / 6: a 1, b 5/6, c 4/6, f 1/6, g 0. λ = 0.5: a first; then sims to a are b 1, c 0, f 0.5,
    // g 0 → b -1/12, c 1/3, f -1/6, g 0 → c; then b -1/12 (sim 1), f -1/6 (0.5), g -1/4 (0.5, puma) → b
    RerankResult half = new Rerank(LOOKUP, ItemPolicy.standard(), settings(0, 0, new Diversity.Mmr(0.5), 0))
        .apply(ALLOWED, RerankRequest.of("k", 3, NOW));
    assertThat(ids(half)).containsExactly("a", "c", "b");
    // λ = 1: dissimilarity only: a; then c (0, before g); then f and g tie at -0.5, f is earlier
    RerankResult full = new Rerank(LOOKUP, ItemPolicy.standard(), settings(0, 0, new Diversity.Mmr(1), 0))
        .apply(ALLOWED, RerankRequest.of("k", 3, NOW));
    assertThat(ids(full)).containsExactly("a", "c", "f");
    assertThat(Rerank.similarity(FACTS.get("a"), FACTS.get("f"))).isEqualTo(0.5);
  }

  @Test
  void categoryCapDefersRepeatsAndFillsWithThemOnlyWhenShort() {
    Rerank capped = new Rerank(LOOKUP, ItemPolicy.standard(), settings(0, 0, new Diversity.CategoryCap(1), 0));
    assertThat(ids(capped.apply(ALLOWED, RerankRequest.of("k", 3, NOW)))).containsExactly("a", "c", "g");
    assertThat(ids(capped.apply(ALLOWED, RerankRequest.of("k", 4, NOW)))).containsExactly("a", "c", "g", "b");
  }

  @Test
  void explorationPlacesNewOrLongTailItemsDeterministicallyPerKey() {
    Rerank explore = new Rerank(LOOKUP, ItemPolicy.standard(), settings(0, 0, Diversity.none(), 1));
    Set<String> placed = new HashSet<>();
    Set<List<String>> lists = new HashSet<>();
    for (int k = 0; k < 20; k++) {
      RerankRequest request = new RerankRequest("person-" + k, 3, NOW, Set.of(), Set.of(), Set.of("g"));
      RerankResult r = explore.apply(ALLOWED, request);
      // a and b earn two slots; the third goes to f (new) or g (long tail), never above a; c is neither
      assertThat(r.items()).hasSize(3);
      assertThat(ids(r).get(0)).isEqualTo("a");
      assertThat(ids(r)).contains("a", "b").doesNotContain("c");
      assertThat(r.explored()).hasSize(1).isSubsetOf("f", "g");
      assertThat(ids(r)).containsAll(r.explored());
      assertThat(explore.apply(ALLOWED, request)).as("same key, same list").isEqualTo(r);
      placed.addAll(r.explored());
      lists.add(ids(r));
    }
    assertThat(placed).as("both get exposure across people").containsExactlyInAnyOrder("f", "g");
    assertThat(lists.size()).as("and in more than one position").isGreaterThan(2);
  }

  @Test
  void explorationSlotsWithoutEligibleItemsGoBackToTheRanking() {
    Rerank explore = new Rerank(LOOKUP, ItemPolicy.standard(), settings(0, 0, Diversity.none(), 2));
    List<ScoredItem> oldOnly = List.of(s("a", 10), s("b", 9), s("c", 8), s("g", 4));
    RerankResult r = explore.apply(oldOnly, RerankRequest.of("k", 3, NOW));
    assertThat(ids(r)).containsExactly("a", "b", "c");
    assertThat(r.explored()).isEmpty();
    // f is new but earned its slot anyway, so it is not an exploration pick
    RerankResult earned = explore.apply(List.of(s("f", 9), s("a", 8), s("b", 7), s("c", 6)),
        RerankRequest.of("k", 3, NOW));
    assertThat(ids(earned)).containsExactly("f", "a", "b");
    assertThat(earned.explored()).isEmpty();
  }

  @Test
  void knobsAtZeroLeaveTheOrderUnchanged() {
    // deliberately not sorted by score, with a tie: nothing may re-sort it
    List<ScoredItem> unsorted = List.of(s("c", 1), s("a", 5), s("g", 5), s("b", 3), s("f", 2));
    for (Diversity d : List.of(Diversity.none(), new Diversity.Mmr(0), new Diversity.CategoryCap(0))) {
      RerankResult r = new Rerank(LOOKUP, ItemPolicy.standard(), settings(0, 0, d, 0))
          .apply(unsorted, RerankRequest.of("k", 5, NOW));
      assertThat(r.items()).as(d.toString()).isEqualTo(unsorted);
    }
    assertThat(ids(new Rerank(LOOKUP, ItemPolicy.standard(), RerankSettings.OFF)
        .apply(unsorted, RerankRequest.of("k", 2, NOW)))).containsExactly("c", "a");
  }

  @Test
  void rejectsKnobsOutOfRange() {
    assertThatThrownBy(() -> new Diversity.Mmr(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Diversity.CategoryCap(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings(-1, 0, Diversity.none(), 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings(0, 0, Diversity.none(), -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
