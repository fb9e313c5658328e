package io.shopsense.core.campaign.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.offer.VariantStats;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ThompsonSamplerTest {

  /**
   * Simulates people converting at 5% on variant "a" and 10% on "b" (a separate seeded generator plays the people):
   * after 10,000 allocations the bandit sends most traffic to "b".
   */
  @Test
  void movesTrafficToTheBetterVariant() {
    ThompsonSampler sampler = new ThompsonSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(42L));
    SplittableRandom people = new SplittableRandom(7);
    long[] exposures = new long[2];
    long[] conversions = new long[2];
    double[] rates = {0.05, 0.10};
    int total = 10_000;
    int lastToBetter = 0;
    for (int i = 0; i < total; i++) {
      var choice = sampler.choose(List.of(new VariantStats("a", exposures[0], conversions[0]),
          new VariantStats("b", exposures[1], conversions[1])));
      int v = choice.variantId().equals("a") ? 0 : 1;
      exposures[v]++;
      if (people.nextDouble() < rates[v]) {
        conversions[v]++;
      }
      if (i >= total - 1_000 && v == 1) {
        lastToBetter++;
      }
    }
    System.out.printf("Thompson 5%% vs 10%%: %d of the last 1,000 to the better variant; exposures %d / %d%n",
        lastToBetter, exposures[0], exposures[1]);
    assertThat(lastToBetter).isGreaterThan(700);
  }

  @Test
  void withoutEvidenceSplitsTrafficEvenly() {
    ThompsonSampler sampler = new ThompsonSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
    int toB = 0;
    for (int i = 0; i < 4_000; i++) {
      if (sampler.choose(List.of(new VariantStats("a", 0, 0), new VariantStats("b", 0, 0))).variantId()
          .equals("b")) {
        toB++;
      }
    }
    assertThat(toB).isBetween(1_800, 2_200);
  }

  @Test
  void aSeededGeneratorReplaysTheSameChoicesAndRecordsEveryDraw() {
    List<VariantStats> stats = List.of(new VariantStats("a", 100, 5), new VariantStats("b", 100, 9),
        new VariantStats("c", 3, 0));
    ThompsonSampler one = new ThompsonSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(99L));
    ThompsonSampler two = new ThompsonSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(99L));

    for (int i = 0; i < 50; i++) {
      ThompsonSampler.Choice c = one.choose(stats);
      assertThat(two.choose(stats)).isEqualTo(c);
      assertThat(c.sampled()).containsOnlyKeys("a", "b", "c");
      assertThat(c.sampled().get(c.variantId())).isEqualTo(
          c.sampled().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }
  }
}
