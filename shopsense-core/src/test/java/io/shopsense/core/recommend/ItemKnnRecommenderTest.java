package io.shopsense.core.recommend;

import static io.shopsense.core.recommend.InteractionKind.VIEW;
import static io.shopsense.core.recommend.InteractionsTest.T0;
import static io.shopsense.core.recommend.InteractionsTest.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.shopsense.core.recommend.internal.ItemKnnModel;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemKnnRecommenderTest {
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  /**
   * Views (weight 1): u0 {a, b}, u1 {a, b, c}, u2 {b, c}, u3 {d}. Item columns: a = (1,1,0,0), b = (1,1,1,0),
   * c = (0,1,1,0), d = (0,0,0,1); norms √2, √3, √2, 1; dot(a,b) = 2, dot(a,c) = 1, dot(b,c) = 2, d shares no user.
   */
  static Interactions matrix() {
    List<Interaction> records = new ArrayList<>();
    String[][] rows = {{"a", "b"}, {"a", "b", "c"}, {"b", "c"}, {"d"}};
    for (int u = 0; u < rows.length; u++) {
      for (String item : rows[u]) {
        records.add(rec("u" + u, item, VIEW, 1, T0));
      }
    }
    return Interactions.of(records, InteractionWeights.DEFAULT);
  }

  static ItemKnnModel train(int k, double shrinkage) {
    return new ItemKnnRecommender(CLOCK, new ItemKnnRecommender.Settings(k, shrinkage)).train(matrix());
  }

  @Test
  void cosineWithShrinkageIsExact() {
    ItemKnnModel model = train(10, 1);
    double ab = 2 / (Math.sqrt(2) * Math.sqrt(3) + 1);   // 0.57982…
    assertThat(model.similarity(0, 1)).isCloseTo(ab, within(1e-12));
    assertThat(model.similarity(1, 0)).isCloseTo(ab, within(1e-12));
    assertThat(model.similarity(0, 2)).isCloseTo(1 / (2.0 + 1), within(1e-12));   // 1 / (√2·√2 + 1)
    assertThat(model.similarity(1, 2)).isCloseTo(ab, within(1e-12));
    assertThat(model.similarity(0, 3)).isZero();
    assertThat(model.similarity(0, 0)).as("an item is not its own neighbour").isZero();

    ItemKnnModel unshrunk = train(10, 0);
    assertThat(unshrunk.similarity(0, 1)).isCloseTo(2 / Math.sqrt(6), within(1e-12));   // 0.8165
    assertThat(unshrunk.similarity(0, 2)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void keepsOnlyTheTopKNeighboursBreakingTiesByIndex() {
    ItemKnnModel model = train(1, 1);
    assertThat(model.similarity(0, 1)).isPositive();
    assertThat(model.similarity(0, 2)).as("c is a's second neighbour").isZero();
    // b's neighbours a and c tie at 2/(√6+1): a has the lower index
    assertThat(model.similarity(1, 0)).isPositive();
    assertThat(model.similarity(1, 2)).isZero();
  }

  @Test
  void scoresSumOverTheUsersItemsWithTheStrongestContributorAsReason() {
    ItemKnnModel model = train(2, 1);
    double ab = 2 / (Math.sqrt(6) + 1);
    UserRef u0 = model.user("u0");
    // u0 has a and b: a gives b ab and c 1/3; b gives a ab and c ab
    assertThat(model.scoreAll(u0)).containsExactly(new double[] {ab, ab, 1.0 / 3 + ab, 0}, within(1e-12));
    assertThat(model.score(u0, new int[] {2, 3})).containsExactly(new double[] {1.0 / 3 + ab, 0}, within(1e-12));

    assertThat(model.recommend(u0, 2, Set.of("a", "b")))
        .extracting(ScoredItem::item, ScoredItem::reason)
        .containsExactly(tuple("c", new Reason.Because("b")), tuple("d", Reason.PopularIn.global()));
    assertThat(model.recommend(u0, 2, Set.of("a", "b")).get(0).score()).isCloseTo(1.0 / 3 + ab, within(1e-12));
  }

  @Test
  void similarItemsAreTheNeighboursMostSimilarFirst() {
    ItemKnnModel model = train(2, 1);
    double ab = 2 / (Math.sqrt(6) + 1);
    List<ScoredItem> similar = model.similarItems("a", 5, Set.of());
    assertThat(similar).extracting(ScoredItem::item, ScoredItem::reason)
        .containsExactly(tuple("b", new Reason.SimilarTo("a")), tuple("c", new Reason.SimilarTo("a")));
    assertThat(similar.stream().mapToDouble(ScoredItem::score).toArray())
        .containsExactly(new double[] {ab, 1.0 / 3}, within(1e-12));
    assertThat(model.similarItems("a", 5, Set.of("b"))).extracting(ScoredItem::item).containsExactly("c");
    assertThat(model.similarItems("a", 1, Set.of())).extracting(ScoredItem::item).containsExactly("b");
    assertThat(model.similarItems("d", 5, Set.of())).isEmpty();
    assertThat(model.similarItems("unknown", 5, Set.of())).isEmpty();
  }

  @Test
  void unknownUsersAndUsersWithoutNeighboursGetPopularity() {
    ItemKnnModel model = train(2, 1);
    // popularity: a 2, b 3, c 2, d 1
    assertThat(model.recommend(UserRef.unknown(), 4, Set.of()))
        .extracting(ScoredItem::item, ScoredItem::score, ScoredItem::reason)
        .containsExactly(tuple("b", 3.0, Reason.PopularIn.global()), tuple("a", 2.0, Reason.PopularIn.global()),
            tuple("c", 2.0, Reason.PopularIn.global()), tuple("d", 1.0, Reason.PopularIn.global()));
    assertThat(model.user("stranger")).isEqualTo(UserRef.unknown());
    assertThat(model.recommend(model.user("u3"), 2, Set.of("d"))).extracting(ScoredItem::item, ScoredItem::reason)
        .containsExactly(tuple("b", Reason.PopularIn.global()), tuple("a", Reason.PopularIn.global()));
  }

  @Test
  void rejectsInvalidSettingsAndUsersOutsideTheModel() {
    assertThatThrownBy(() -> new ItemKnnRecommender.Settings(0, 1)).hasMessageContaining("neighbours");
    assertThatThrownBy(() -> new ItemKnnRecommender.Settings(5, -1)).hasMessageContaining("shrinkage");
    assertThatThrownBy(() -> train(2, 1).recommend(new UserRef.Known(4), 1, Set.of()))
        .hasMessageContaining("user index 4");
  }
}
