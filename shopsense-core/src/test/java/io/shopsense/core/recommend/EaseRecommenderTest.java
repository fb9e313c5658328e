package io.shopsense.core.recommend;

import static io.shopsense.core.recommend.InteractionKind.VIEW;
import static io.shopsense.core.recommend.InteractionsTest.T0;
import static io.shopsense.core.recommend.InteractionsTest.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.shopsense.core.recommend.internal.EaseModel;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EaseRecommenderTest {
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  /** Views: u0 {a, b}, u1 {b, c}, u2 {a, b, c}. */
  static Interactions matrix() {
    List<Interaction> records = new ArrayList<>();
    String[][] rows = {{"a", "b"}, {"b", "c"}, {"a", "b", "c"}};
    for (int u = 0; u < rows.length; u++) {
      for (String item : rows[u]) {
        records.add(rec("u" + u, item, VIEW, 1, T0));
      }
    }
    return Interactions.of(records, InteractionWeights.DEFAULT);
  }

  /**
   * By hand, λ = 1: XᵀX + I = [[3,2,1],[2,4,2],[1,2,3]], determinant 3·8 − 2·4 + 1·0 = 16, adjugate
   * [[8,−4,0],[−4,8,−4],[0,−4,8]], so P = [[.5,−.25,0],[−.25,.5,−.25],[0,−.25,.5]] and B_ij = −P_ij / P_jj =
   * [[0,.5,0],[.5,0,.5],[0,.5,0]].
   */
  @Test
  void closedFormMatchesAHandInversion() {
    EaseModel model = new EaseRecommender(CLOCK, new EaseRecommender.Settings(1, 10)).train(matrix());
    double[][] expected = {{0, .5, 0}, {.5, 0, .5}, {0, .5, 0}};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(model.weight(i, j)).as("B[%d][%d]", i, j).isCloseTo(expected[i][j], within(1e-12));
      }
    }
    // u0 = (1,1,0): x B = (.5, .5, .5)
    assertThat(model.scoreAll(model.user("u0"))).containsExactly(new double[] {.5, .5, .5}, within(1e-12));
    assertThat(model.recommend(model.user("u0"), 1, Set.of("a", "b")))
        .extracting(ScoredItem::item, ScoredItem::reason).containsExactly(tuple("c", new Reason.Because("b")));
  }

  /** λ = 3: XᵀX + 3I = [[5,2,1],[2,6,2],[1,2,5]]; det 5·26 − 2·8 + 1·(−2) = 112; P_00 = 26/112, P_01 = −8/112. */
  @Test
  void regularisationEntersTheDiagonal() {
    EaseModel model = new EaseRecommender(CLOCK, new EaseRecommender.Settings(3, 10)).train(matrix());
    // B_10 = −P_10 / P_00 = 8/26; B_20 = −P_20 / P_00 = 2/26 (P_20 = cofactor (2·2 − 6·1) / 112 = −2/112)
    assertThat(model.weight(1, 0)).isCloseTo(8.0 / 26, within(1e-12));
    assertThat(model.weight(2, 0)).isCloseTo(2.0 / 26, within(1e-12));
    assertThat(model.weight(0, 0)).isZero();
  }

  @Test
  void refusesCatalogsAboveTheItemLimitWithAClearMessage() {
    EaseRecommender small = new EaseRecommender(CLOCK, new EaseRecommender.Settings(1, 2));
    assertThatThrownBy(() -> small.train(matrix())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refuses 3 items").hasMessageContaining("max-items 2")
        .hasMessageContaining("item-kNN / ALS");
    assertThatThrownBy(() -> new EaseRecommender.Settings(0, 10)).hasMessageContaining("lambda");
    assertThatThrownBy(() -> new EaseRecommender.Settings(1, 50_000)).hasMessageContaining("maxItems");
  }

  @Test
  void unknownUsersGetPopularity() {
    EaseModel model = new EaseRecommender(CLOCK, EaseRecommender.Settings.DEFAULT).train(matrix());
    // popularity: a 2, b 3, c 2
    assertThat(model.recommend(UserRef.unknown(), 2, Set.of())).extracting(ScoredItem::item, ScoredItem::reason)
        .containsExactly(tuple("b", Reason.PopularIn.global()), tuple("a", Reason.PopularIn.global()));
    assertThat(model.scoreAll(UserRef.unknown())).containsExactly(2, 3, 2);
  }
}
