package io.shopsense.core.recommend;

import static io.shopsense.core.recommend.InteractionKind.CART;
import static io.shopsense.core.recommend.InteractionKind.PURCHASE;
import static io.shopsense.core.recommend.InteractionKind.VIEW;
import static io.shopsense.core.recommend.InteractionsTest.T0;
import static io.shopsense.core.recommend.InteractionsTest.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.shopsense.core.recommend.internal.PopularityModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PopularityRecommenderTest {
  static final Instant NOW = T0.plus(Duration.ofDays(2));
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final List<Interaction> RECORDS = List.of(
      rec("a", "p1", PURCHASE, 1, T0),                           // 5 * 1/4
      rec("b", "p1", VIEW, 1, NOW),                              // 1
      rec("a", "p2", VIEW, 1, T0.plus(Duration.ofDays(1))),      // 1/2
      rec("c", "p2", VIEW, 1, T0.plus(Duration.ofDays(1))),      // 1/2
      rec("b", "p2", CART, 1, T0),                               // 3 * 1/4
      rec("c", "p3", PURCHASE, 1, NOW));                         // 5

  @Test
  void ranksByTimeDecayedWeight() {
    Interactions decayed = Interactions.of(RECORDS, InteractionWeights.DEFAULT,
        Optional.of(new TimeDecay(Duration.ofDays(1), NOW)));
    PopularityModel model = new PopularityRecommender(CLOCK).train(decayed);

    assertThat(model.recommend(UserRef.unknown(), 3, Set.of()))
        .extracting(ScoredItem::item, ScoredItem::score, ScoredItem::reason)
        .containsExactly(tuple("p3", 5.0, Reason.PopularIn.global()), tuple("p1", 2.25, Reason.PopularIn.global()),
            tuple("p2", 1.75, Reason.PopularIn.global()));
    assertThat(model.trainedAt()).isEqualTo(NOW);
  }

  @Test
  void withoutDecayOldPurchasesWinAndTiesBreakByItemId() {
    PopularityModel model = new PopularityRecommender(CLOCK).train(Interactions.of(RECORDS,
        InteractionWeights.DEFAULT));
    // p1 = 5 + 1, p2 = 1 + 1 + 3, p3 = 5: p2 and p3 tie, p2 first by id
    assertThat(model.recommend(UserRef.unknown(), 3, Set.of())).extracting(ScoredItem::item, ScoredItem::score)
        .containsExactly(tuple("p1", 6.0), tuple("p2", 5.0), tuple("p3", 5.0));
  }

  @Test
  void knownUsersGetTheSameListAndExclusionsAreRespected() {
    PopularityModel model = new PopularityRecommender(CLOCK).train(Interactions.of(RECORDS,
        InteractionWeights.DEFAULT));
    assertThat(model.recommend(model.user("a"), 2, Set.of("p1", "nope")))
        .extracting(ScoredItem::item).containsExactly("p2", "p3");
    assertThat(model.recommend(model.user("a"), 0, Set.of())).isEmpty();
    assertThat(model.recommend(model.user("a"), 10, Set.of())).hasSize(3);
  }

  @Test
  void ranksWithinACategory() {
    PopularityModel model = new PopularityRecommender(CLOCK, Map.of("p1", "tea", "p2", "tea", "p3", "cups"))
        .train(Interactions.of(RECORDS, InteractionWeights.DEFAULT));

    assertThat(model.recommendInCategory("tea", 5, Set.of()))
        .extracting(ScoredItem::item, ScoredItem::reason)
        .containsExactly(tuple("p1", Reason.PopularIn.category("tea")), tuple("p2", new Reason.PopularIn("category:tea")));
    assertThat(model.recommendInCategory("tea", 5, Set.of("p1"))).extracting(ScoredItem::item).containsExactly("p2");
    assertThat(model.recommendInCategory("shoes", 5, Set.of())).isEmpty();
  }
}
