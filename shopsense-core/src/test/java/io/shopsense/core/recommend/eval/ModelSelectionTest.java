package io.shopsense.core.recommend.eval;

import static io.shopsense.core.recommend.eval.HybridTunerTest.KNN;
import static io.shopsense.core.recommend.eval.HybridTunerTest.POP;
import static io.shopsense.core.recommend.eval.HybridTunerTest.T0;
import static io.shopsense.core.recommend.eval.HybridTunerTest.VALIDATION;
import static io.shopsense.core.recommend.eval.HybridTunerTest.train;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.shopsense.core.recommend.InteractionWeights;
import io.shopsense.core.recommend.Recommender;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSelectionTest {

  @Test
  void choosesTheCandidateThatRanksTheValidationPurchasesBest() {
    ModelSelection.Result result = ModelSelection.choose(List.of(POP, KNN), train(), VALIDATION,
        InteractionWeights.DEFAULT);
    assertThat(result.chosen()).isEqualTo(1);
    assertThat(result.users()).isEqualTo(3);
    // the fixture of HybridTunerTest: popularity puts y_i 4th, 5th and 6th; item-kNN puts it first
    double popularity = (1 / log2(5) + 1 / log2(6) + 1 / log2(7)) / 3;
    assertThat(result.ndcg()[0]).isCloseTo(popularity, within(1e-12));
    assertThat(result.ndcg()[1]).isEqualTo(1.0);
    assertThat(result.recall()).containsExactly(1.0, 1.0);
  }

  @Test
  void keepsTheFirstOfEqualCandidates() {
    List<Recommender> twice = List.of(KNN, KNN);
    assertThat(ModelSelection.choose(twice, train(), VALIDATION, InteractionWeights.DEFAULT).chosen()).isZero();
  }

  @Test
  void refusesAValidationWindowWithoutBuyersAndAnEmptyChoice() {
    assertThatThrownBy(() -> ModelSelection.choose(List.of(POP), train(), T0.plusSeconds(1_000_000),
        InteractionWeights.DEFAULT)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no warm user purchased");
    assertThatThrownBy(() -> ModelSelection.choose(List.of(), train(), VALIDATION, InteractionWeights.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no candidate");
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
