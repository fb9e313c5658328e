package io.shopsense.core.recommend.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopNTest {
  /** The reference: every allowed index above the floor, sorted by score descending then index, cut at n. */
  private static int[] bySorting(double[] scores, boolean[] allowed, double floor, int n) {
    return IntStream.range(0, scores.length).filter(i -> allowed[i] && scores[i] > floor).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
        .limit(Math.max(0, n)).mapToInt(Integer::intValue).toArray();
  }

  @Test
  void selectsTheSameAsSortingWithTiesByLowerIndex() {
    Random random = new Random(7);
    for (int round = 0; round < 500; round++) {
      int size = random.nextInt(60);
      double[] scores = new double[size];
      boolean[] allowed = new boolean[size];
      for (int i = 0; i < size; i++) {
        scores[i] = random.nextInt(8) - 2; // few distinct values: many ties, some at or below the floor
        allowed[i] = random.nextInt(5) > 0;
      }
      int n = random.nextInt(size + 3) - 1;
      assertThat(TopN.select(scores, allowed, 0, n)).as("round %d", round)
          .containsExactly(bySorting(scores, allowed, 0, n));
    }
  }

  @Test
  void selectsAmongCandidatesOnly() {
    double[] scores = {5, 9, 1, 9, 7, 3};
    int[] candidates = {5, 3, 0, 1, 4};
    assertThat(TopN.selectAmong(scores, candidates, 3, 0, 2)).containsExactly(3, 0);
    assertThat(TopN.selectAmong(scores, candidates, 5, 4, 10)).containsExactly(1, 3, 4, 0);
    assertThat(TopN.selectAmong(scores, candidates, 5, 0, 0)).isEmpty();
  }
}
