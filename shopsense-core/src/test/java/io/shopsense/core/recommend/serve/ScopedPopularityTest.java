package io.shopsense.core.recommend.serve;

import static io.shopsense.core.recommend.InteractionKind.CART;
import static io.shopsense.core.recommend.InteractionKind.PURCHASE;
import static io.shopsense.core.recommend.InteractionKind.REFUND;
import static io.shopsense.core.recommend.InteractionKind.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.shopsense.api.id.PersonId;
import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.core.recommend.InteractionWeights;
import io.shopsense.core.recommend.Reason;
import io.shopsense.core.recommend.ScoredItem;
import io.shopsense.core.recommend.TimeDecay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopedPopularityTest {
  static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
  static final TimeDecay WEEK = new TimeDecay(Duration.ofDays(7), NOW);
  static final Map<String, String> CATEGORY = Map.of("tea", "drinks", "coffee", "drinks", "mug", "kitchen",
      "pot", "kitchen");
  static final Map<String, PersonContext> CONTEXT = Map.of(
      "ann", new PersonContext(PersonId.of("ann"), "DE", List.of("vip"), List.of(), Set.of()),
      "bob", new PersonContext(PersonId.of("bob"), "FR", List.of(), List.of(), Set.of()));

  static Interaction rec(String user, String item, InteractionKind kind, double quantity, Instant time) {
    return new Interaction(user, item, kind, quantity, time);
  }

  static final List<Interaction> RECORDS = List.of(
      rec("ann", "tea", PURCHASE, 1, NOW),                        // 5
      rec("ann", "mug", VIEW, 1, NOW.minus(Duration.ofDays(7))),  // 1 · 0.5
      rec("bob", "coffee", CART, 1, NOW),                         // 3
      rec("bob", "mug", VIEW, 2, NOW),                            // 2
      rec("bob", "tea", VIEW, 1, NOW),                            // 1
      rec("cid", "pot", PURCHASE, 1, NOW), rec("cid", "pot", REFUND, 1, NOW),  // 5 − 5: dropped
      rec("cid", "mug", VIEW, 1, NOW));                           // 1

  static ScopedPopularity train(List<Interaction> records) {
    return ScopedPopularity.train(records, InteractionWeights.DEFAULT, WEEK, NOW, CATEGORY::get, CONTEXT::get);
  }

  @Test
  void globalScoresAreDecayedWeightedSumsWithRefundsAgainst() {
    ScopedPopularity popular = train(RECORDS);
    assertThat(popular.top("global", 10, Set.of()))
        .extracting(ScoredItem::item, ScoredItem::score)
        .containsExactly(tuple("tea", 6.0), tuple("mug", 3.5), tuple("coffee", 3.0));
    assertThat(popular.globalScore("pot")).as("a fully refunded purchase leaves nothing").isZero();
    assertThat(popular.globalScore("mug")).isCloseTo(3.5, within(1e-12));
    assertThat(popular.top("global", 10, Set.of())).extracting(ScoredItem::reason)
        .containsOnly(Reason.PopularIn.global());
    assertThat(popular.trainedAt()).isEqualTo(NOW);
  }

  @Test
  void everyScopeHasItsOwnRankingAndReason() {
    ScopedPopularity popular = train(RECORDS);
    assertThat(popular.scopes()).containsExactlyInAnyOrder("global", "category:drinks", "category:kitchen",
        "region:DE", "region:FR", "segment:vip");
    assertThat(popular.top("category:kitchen", 10, Set.of())).extracting(ScoredItem::item).containsExactly("mug");
    assertThat(popular.top("region:FR", 10, Set.of()))
        .extracting(ScoredItem::item, ScoredItem::score, ScoredItem::reason)
        .containsExactly(tuple("coffee", 3.0, new Reason.PopularIn("region:FR")),
            tuple("mug", 2.0, new Reason.PopularIn("region:FR")),
            tuple("tea", 1.0, new Reason.PopularIn("region:FR")));
    assertThat(popular.top("segment:vip", 10, Set.of())).extracting(ScoredItem::item, ScoredItem::score)
        .containsExactly(tuple("tea", 5.0), tuple("mug", 0.5));
  }

  @Test
  void topSkipsExcludedItemsAndStopsAtN() {
    ScopedPopularity popular = train(RECORDS);
    assertThat(popular.top("global", 2, Set.of("tea"))).extracting(ScoredItem::item)
        .containsExactly("mug", "coffee");
    assertThat(popular.top("global", 1, Set.of())).extracting(ScoredItem::item).containsExactly("tea");
    assertThat(popular.top("region:XX", 5, Set.of())).isEmpty();
    assertThat(ScopedPopularity.EMPTY.top("global", 5, Set.of())).isEmpty();
  }

  @Test
  void contextIsReadOncePerPersonAndUnknownPersonsCountOnlyGlobally() {
    Map<String, Integer> calls = new HashMap<>();
    ScopedPopularity popular = ScopedPopularity.train(RECORDS, InteractionWeights.DEFAULT, WEEK, NOW,
        CATEGORY::get, person -> {
          calls.merge(person, 1, Integer::sum);
          return CONTEXT.get(person);
        });
    assertThat(calls).containsOnly(Map.entry("ann", 1), Map.entry("bob", 1), Map.entry("cid", 1));
    assertThat(popular.scopes()).noneMatch(s -> s.contains("cid"));
  }

  @Test
  void eachScopeKeepsOnlyItsBestItems() {
    ScopedPopularity popular = ScopedPopularity.train(RECORDS, InteractionWeights.DEFAULT, WEEK, NOW,
        CATEGORY::get, CONTEXT::get, 2);
    assertThat(popular.top("global", 10, Set.of())).extracting(ScoredItem::item).containsExactly("tea", "mug");
    assertThat(popular.top("region:FR", 10, Set.of())).hasSize(2);
    assertThat(popular.top("global", 10, Set.of("tea"))).extracting(ScoredItem::item).containsExactly("mug");
  }

  @Test
  void longTailIsTheItemsBelowTheMedian() {
    List<Interaction> records = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      records.add(rec("u" + i, "p" + i, VIEW, i, NOW));   // p9 most popular … p1 least
    }
    ScopedPopularity popular = train(records);
    assertThat(popular.longTail()).containsExactlyInAnyOrder("p4", "p3", "p2", "p1");
    assertThat(train(List.of()).longTail()).isEmpty();
    assertThat(train(List.of()).top("global", 3, Set.of())).isEmpty();
  }

  @Test
  void bytesRoundTripExactly() {
    ScopedPopularity popular = train(RECORDS);
    byte[] bytes = popular.toBytes();
    ScopedPopularity read = ScopedPopularity.fromBytes(bytes);
    assertThat(read).isEqualTo(popular);
    assertThat(read.toBytes()).isEqualTo(bytes);
    assertThat(read.top("segment:vip", 5, Set.of())).isEqualTo(popular.top("segment:vip", 5, Set.of()));
    assertThat(read.longTail()).isEqualTo(popular.longTail());
    assertThat(ScopedPopularity.fromBytes(ScopedPopularity.EMPTY.toBytes())).isEqualTo(ScopedPopularity.EMPTY);
  }

  @Test
  void foreignOrDamagedBytesAreRefused() {
    byte[] bytes = train(RECORDS).toBytes();
    assertThatThrownBy(() -> ScopedPopularity.fromBytes("not a model".getBytes()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scoped-popularity");
    assertThatThrownBy(() -> ScopedPopularity.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> ScopedPopularity.fromBytes(Arrays.copyOf(bytes, bytes.length + 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing");
  }

  @Test
  void refusesAKeepBelowOne() {
    assertThatThrownBy(() -> ScopedPopularity.train(RECORDS, InteractionWeights.DEFAULT, WEEK, NOW,
        CATEGORY::get, CONTEXT::get, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keep");
  }
}
