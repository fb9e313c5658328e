package io.shopsense.core.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.shopsense.core.recommend.HybridRecommender;
import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.core.recommend.InteractionWeights;
import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.ItemKnnRecommender;
import io.shopsense.core.recommend.PopularityRecommender;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HybridTunerTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant VALIDATION = T0.plusSeconds(1000);
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
  static final PopularityRecommender POP = new PopularityRecommender(CLOCK);
  static final ItemKnnRecommender KNN = new ItemKnnRecommender(CLOCK, new ItemKnnRecommender.Settings(10, 0));

  /**
   * Before the validation cutoff: c1..c5 view p (p is popular: 5), q_i views x_i and y_i, t_i views x_i (x_i: 2,
   * y_i: 1). After it: t_i buys y_i. Item ids sort p, x1, x2, x3, y1, y2, y3. Popularity ranks t1's candidates p, x2,
   * x3, y1 (x1 is t1's own and excluded), so y1 is 4th; y2 is 5th for t2, y3 6th for t3. Item-kNN puts y_i first
   * for t_i: x_i's only co-viewed item.
   */
  static List<Interaction> train() {
    List<Interaction> out = new ArrayList<>();
    for (int c = 1; c <= 5; c++) {
      out.add(new Interaction("c" + c, "p", InteractionKind.VIEW, 1, T0));
    }
    for (int i = 1; i <= 3; i++) {
      out.add(new Interaction("q" + i, "x" + i, InteractionKind.VIEW, 1, T0));
      out.add(new Interaction("q" + i, "y" + i, InteractionKind.VIEW, 1, T0));
      out.add(new Interaction("t" + i, "x" + i, InteractionKind.VIEW, 1, T0));
      out.add(new Interaction("t" + i, "y" + i, InteractionKind.PURCHASE, 1, VALIDATION.plusSeconds(i)));
    }
    return out;
  }

  static List<Interactions> plain(List<Interaction> records, int members) {
    Interactions m = Interactions.of(records, InteractionWeights.DEFAULT);
    List<Interactions> out = new ArrayList<>();
    for (int k = 0; k < members; k++) {
      out.add(m);
    }
    return out;
  }

  @Test
  void measuresPopularityAloneOnTheValidationSplit() {
    HybridRecommender popOnly = new HybridRecommender(CLOCK, List.of(new HybridRecommender.Member(POP, 1)));
    HybridTuner.Result result = HybridTuner.tune(popOnly, train(), VALIDATION, InteractionWeights.DEFAULT,
        (records, at) -> plain(records, 1), 4);
    assertThat(result.weights()).containsExactly(1.0);
    assertThat(result.users()).isEqualTo(3);
    double expected = (1 / log2(5) + 1 / log2(6) + 1 / log2(7)) / 3;   // 0.39128…
    assertThat(result.ndcg()).isCloseTo(expected, within(1e-12));
    assertThat(result.recall()).isEqualTo(1.0);
  }

  @Test
  void choosesTheWeightsThatRankTheValidationPurchasesBest() {
    HybridRecommender both = new HybridRecommender(CLOCK, List.of(new HybridRecommender.Member(POP, 1),
        new HybridRecommender.Member(KNN, 1)));
    HybridTuner.Result result = HybridTuner.tune(both, train(), VALIDATION, InteractionWeights.DEFAULT,
        (records, at) -> plain(records, 2), 2);
    // candidates (1, 0), (½, ½), (0, 1); at (½, ½) p and y_i tie at ½ and p's id sorts first, so NDCG 1/log2(3)
    assertThat(result.candidates()).isEqualTo(3);
    assertThat(result.weights()).containsExactly(0.0, 1.0);
    assertThat(result.ndcg()).isEqualTo(1.0);
    assertThat(result.recall()).isEqualTo(1.0);
  }

  @Test
  void membersTrainOnlyOnRecordsBeforeTheValidationCutoff() {
    // by construction the tuner is handed only the training records; within them, members never see validation ones
    List<Instant> seen = new ArrayList<>();
    HybridRecommender both = new HybridRecommender(CLOCK, List.of(new HybridRecommender.Member(POP, 1),
        new HybridRecommender.Member(KNN, 1)));
    HybridTuner.tune(both, train(), VALIDATION, InteractionWeights.DEFAULT, (records, at) -> {
      assertThat(at).isEqualTo(VALIDATION);
      records.forEach(r -> seen.add(r.time()));
      return plain(records, 2);
    }, 2);
    assertThat(seen).hasSize(14).allMatch(time -> time.isBefore(VALIDATION));
  }

  @Test
  void theGridIsTheSimplex() {
    assertThat(HybridTuner.simplex(4, 4)).hasSize(35);
    assertThat(HybridTuner.simplex(2, 2)).containsExactly(new double[] {1, 0}, new double[] {0.5, 0.5},
        new double[] {0, 1});
  }

  @Test
  void refusesAValidationPeriodWithoutPurchases() {
    HybridRecommender popOnly = new HybridRecommender(CLOCK, List.of(new HybridRecommender.Member(POP, 1)));
    assertThatThrownBy(() -> HybridTuner.tune(popOnly, train(), VALIDATION.plusSeconds(100),
        InteractionWeights.DEFAULT, (records, at) -> plain(records, 1), 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validation cutoff");
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
