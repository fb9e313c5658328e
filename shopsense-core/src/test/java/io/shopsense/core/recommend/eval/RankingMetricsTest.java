package io.shopsense.core.recommend.eval;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

  private static final double EPS = 1e-9;
  private static final double LOG2_3 = Math.log(3) / Math.log(2);

  // ranking a b c d e, truth {b, d, x}: b at rank 2, d at rank 4, x never ranked
  private static final List<String> RANKING = List.of("a", "b", "c", "d", "e");
  private static final Set<String> TRUTH = Set.of("b", "d", "x");

  @Test
  void recallCountsHitsInTheTopKOverTheWholeTruth() {
    assertThat(RankingMetrics.recall(RANKING, TRUTH, 1)).isEqualTo(0.0);
    assertThat(RankingMetrics.recall(RANKING, TRUTH, 3)).isCloseTo(1.0 / 3, within(EPS));
    assertThat(RankingMetrics.recall(RANKING, TRUTH, 5)).isCloseTo(2.0 / 3, within(EPS));
  }

  @Test
  void ndcgAtThreeByHand() {
    // DCG@3 = 1/log2(3) for b at rank 2; IDCG@3 = 1 + 1/log2(3) + 1/log2(4) since |truth| = 3
    double expected = (1 / LOG2_3) / (1 + 1 / LOG2_3 + 0.5);
    assertThat(expected).isCloseTo(0.2960819, within(1e-7));
    assertThat(RankingMetrics.ndcg(RANKING, TRUTH, 3)).isCloseTo(expected, within(EPS));
  }

  @Test
  void ndcgAtFiveAddsTheFourthRank() {
    // d at rank 4 adds 1/log2(5)
    double expected = (1 / LOG2_3 + Math.log(2) / Math.log(5)) / (1 + 1 / LOG2_3 + 0.5);
    assertThat(RankingMetrics.ndcg(RANKING, TRUTH, 5)).isCloseTo(expected, within(EPS));
  }

  @Test
  void idealDcgStopsAtTheTruthSizeSoASmallTruthCanScoreOne() {
    assertThat(RankingMetrics.ndcg(List.of("a", "x"), Set.of("a"), 10)).isCloseTo(1.0, within(EPS));
    // the single relevant item at rank 2 of 3: (1/log2 3) / 1
    assertThat(RankingMetrics.ndcg(List.of("x", "a", "y"), Set.of("a"), 3)).isCloseTo(1 / LOG2_3, within(EPS));
  }

  @Test
  void kLargerThanTheRankingUsesTheWholeRankingWithoutPadding() {
    List<String> shortRanking = List.of("a", "b");
    Set<String> truth = Set.of("a", "c");
    assertThat(RankingMetrics.recall(shortRanking, truth, 10)).isCloseTo(0.5, within(EPS));
    // DCG = 1; IDCG over min(10, 2) = 1 + 1/log2(3) = 1.6309; 0.6131
    assertThat(RankingMetrics.ndcg(shortRanking, truth, 10)).isCloseTo(0.6131471928, within(1e-9));
    assertThat(RankingMetrics.hit(shortRanking, truth, 10)).isEqualTo(1.0);
    assertThat(RankingMetrics.recall(List.of(), truth, 10)).isEqualTo(0.0);
    assertThat(RankingMetrics.ndcg(List.of(), truth, 10)).isEqualTo(0.0);
  }

  @Test
  void reciprocalRankIsTheFirstRelevantRankOverTheWholeRanking() {
    assertThat(RankingMetrics.reciprocalRank(RANKING, TRUTH)).isCloseTo(0.5, within(EPS));
    assertThat(RankingMetrics.reciprocalRank(RANKING, Set.of("e"))).isCloseTo(0.2, within(EPS));
    assertThat(RankingMetrics.reciprocalRank(RANKING, Set.of("x"))).isEqualTo(0.0);
  }

  @Test
  void hitRateIsOneOnlyWhenARelevantItemIsInTheTopK() {
    assertThat(RankingMetrics.hit(RANKING, TRUTH, 1)).isEqualTo(0.0);
    assertThat(RankingMetrics.hit(RANKING, TRUTH, 2)).isEqualTo(1.0);
  }

  @Test
  void accuracyIsUndefinedForAnEmptyTruth() {
    assertThatThrownBy(() -> RankingMetrics.recall(RANKING, Set.of(), 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty truth");
    assertThatThrownBy(() -> RankingMetrics.ndcg(RANKING, Set.of(), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RankingMetrics.reciprocalRank(RANKING, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RankingMetrics.hit(RANKING, Set.of(), 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsACutOffBelowOne() {
    assertThatThrownBy(() -> RankingMetrics.recall(RANKING, TRUTH, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be at least 1");
  }

  @Test
  void intraListDiversityIsOneMinusMeanPairwiseSimilarity() {
    Map<String, String> category = Map.of("a", "shoes", "b", "shoes", "c", "hats", "d", "hats");
    ToDoubleBiFunction<String, String> sameCategory = (x, y) -> category.get(x).equals(category.get(y)) ? 1 : 0;
    // pairs of a b c: ab = 1, ac = 0, bc = 0 -> mean 1/3 -> 2/3
    assertThat(RankingMetrics.intraListDiversity(List.of("a", "b", "c", "d"), 3, sameCategory).getAsDouble())
        .isCloseTo(2.0 / 3, within(EPS));
    // all four: ab and cd similar out of 6 pairs -> 1 - 2/6
    assertThat(RankingMetrics.intraListDiversity(List.of("a", "b", "c", "d"), 10, sameCategory).getAsDouble())
        .isCloseTo(2.0 / 3, within(EPS));
    assertThat(RankingMetrics.intraListDiversity(List.of("a", "b"), 5, sameCategory).getAsDouble())
        .isEqualTo(0.0);
    assertThat(RankingMetrics.intraListDiversity(List.of("a", "c"), 5, sameCategory).getAsDouble())
        .isEqualTo(1.0);
    assertThat(RankingMetrics.intraListDiversity(List.of("a"), 5, sameCategory)).isEmpty();
    assertThat(RankingMetrics.intraListDiversity(List.of(), 5, sameCategory)).isEmpty();
  }

  @Test
  void noveltyLongTailAndPopularityAgainstTheTrainCounts() {
    ItemPopularity popularity = fivePQRST();
    // smoothed shares (count + 1) / (10 + 5): p 6/15, t 1/15
    double expectedNovelty = (-log2(6.0 / 15) - log2(1.0 / 15)) / 2;
    assertThat(expectedNovelty).isCloseTo(2.6144093, within(1e-7));
    assertThat(RankingMetrics.novelty(List.of("p", "t", "q"), 2, popularity).getAsDouble())
        .isCloseTo(expectedNovelty, within(EPS));
    // head is {p, q}: of p r t, r and t are long tail
    assertThat(RankingMetrics.longTailShare(List.of("p", "r", "t"), 3, popularity).getAsDouble())
        .isCloseTo(2.0 / 3, within(EPS));
    // counts 5 + 1 + 0 over 3 items
    assertThat(RankingMetrics.meanPopularity(List.of("p", "r", "t"), 3, popularity).getAsDouble())
        .isCloseTo(2.0, within(EPS));
    assertThat(RankingMetrics.novelty(List.of(), 3, popularity)).isEmpty();
    assertThat(RankingMetrics.longTailShare(List.of(), 3, popularity)).isEmpty();
    assertThat(RankingMetrics.meanPopularity(List.of(), 3, popularity)).isEmpty();
  }

  /** Train counts p 5, q 3, r 1, s 1 (total 10); catalog p q r s t. */
  static ItemPopularity fivePQRST() {
    List<Interaction> train = new ArrayList<>();
    Map<String, Integer> counts = Map.of("p", 5, "q", 3, "r", 1, "s", 1);
    counts.forEach((item, count) -> {
      for (int i = 0; i < count; i++) {
        train.add(new Interaction("u" + i, item, InteractionKind.VIEW, 1, Instant.EPOCH));
      }
    });
    return ItemPopularity.of(train, List.of("p", "q", "r", "s", "t"));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
