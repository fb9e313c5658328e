package io.shopsense.core.recommend;

import static io.shopsense.core.recommend.InteractionsTest.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoughtTogetherTest {
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  /**
   * Ten baskets. Item counts: bread 6, butter 5, milk 3, jam 2, tea 2. Pairs: bread+butter 4 (baskets 1, 2, 3, 10;
   * basket 10 lists bread twice), bread+jam 2, butter+jam 1, milk+butter 1, tea+milk 1.
   */
  static final List<List<String>> BASKETS = List.of(
      List.of("bread", "butter"),
      List.of("bread", "butter", "jam"),
      List.of("bread", "butter"),
      List.of("bread", "jam"),
      List.of("bread"),
      List.of("milk"),
      List.of("milk", "butter"),
      List.of("tea"),
      List.of("tea", "milk"),
      List.of("bread", "butter", "bread"));

  static BoughtTogetherModel train(double minSupport, double minConfidence, double minLift, int maxBasket) {
    return new BoughtTogether(CLOCK, new BoughtTogether.Settings(minSupport, minConfidence, minLift, maxBasket))
        .train(BASKETS);
  }

  @Test
  void supportConfidenceAndLiftAreExact() {
    BoughtTogetherModel model = train(0, 0, 0, 50);
    BoughtTogetherModel.Rule breadButter = model.rulesFrom("bread").get(0);
    assertThat(breadButter.consequent()).isEqualTo("butter");
    assertThat(breadButter.count()).isEqualTo(4);
    assertThat(breadButter.support()).isCloseTo(0.4, within(1e-12));          // 4/10
    assertThat(breadButter.confidence()).isCloseTo(4.0 / 6, within(1e-12));   // 4/6
    assertThat(breadButter.lift()).isCloseTo((4.0 / 6) / 0.5, within(1e-12)); // conf / (5/10) = 1.333

    BoughtTogetherModel.Rule jamBread = model.rulesFrom("jam").get(0);
    assertThat(jamBread.consequent()).isEqualTo("bread");
    assertThat(jamBread.confidence()).isEqualTo(1.0);                          // 2/2
    assertThat(jamBread.lift()).isCloseTo(1 / 0.6, within(1e-12));             // 1 / (6/10)

    BoughtTogetherModel.Rule milkButter = model.rulesFrom("milk").stream()
        .filter(r -> r.consequent().equals("butter")).findFirst().orElseThrow();
    assertThat(milkButter.lift()).isCloseTo((1.0 / 3) / 0.5, within(1e-12));  // 0.667: less than chance
    assertThat(model.ruleCount()).isEqualTo(10);                               // 5 pairs, both directions
    assertThat(model.basketCount()).isEqualTo(10);
  }

  @Test
  void minimaDropWeakRules() {
    // lift ≥ 1 drops milk↔butter (0.667); butter→jam has confidence 1/5 = 0.2 and lift 0.2/0.2 = 1, both at the edge
    BoughtTogetherModel model = train(0.1, 0.2, 1.0, 50);
    assertThat(model.ruleCount()).isEqualTo(8);
    assertThat(model.complementsOf("milk", 5)).extracting(ScoredItem::item).containsExactly("tea");
    assertThat(model.complementsOf("butter", 5))
        .extracting(ScoredItem::item, ScoredItem::score)
        .containsExactly(tuple("bread", 0.8), tuple("jam", 0.2));

    BoughtTogetherModel strict = train(0.1, 0.2, 1.5, 50);
    assertThat(strict.complementsOf("bread", 5)).extracting(ScoredItem::item).containsExactly("jam");
    BoughtTogetherModel frequent = train(0.3, 0, 0, 50);
    assertThat(frequent.ruleCount()).as("only bread↔butter has support 0.4 ≥ 0.3").isEqualTo(2);
  }

  @Test
  void complementsAreRankedByConfidenceWithReasons() {
    BoughtTogetherModel model = train(0.1, 0.2, 1.0, 50);
    assertThat(model.complementsOf("bread", 5))
        .extracting(ScoredItem::item, ScoredItem::reason)
        .containsExactly(tuple("butter", new Reason.OftenBoughtWith("bread")),
            tuple("jam", new Reason.OftenBoughtWith("bread")));
    assertThat(model.complementsOf("bread", 1)).extracting(ScoredItem::item).containsExactly("butter");
    assertThat(model.complementsOf("unknown", 5)).isEmpty();
  }

  @Test
  void bundleTakesTheStrongestRuleAndSkipsTheCart() {
    BoughtTogetherModel model = train(0.1, 0.2, 1.0, 50);
    // bread: from butter 0.8, from jam 1.0 → 1.0 because of jam; butter and jam are in the cart already
    assertThat(model.bundleFor(Set.of("butter", "jam"), 5))
        .extracting(ScoredItem::item, ScoredItem::score, ScoredItem::reason)
        .containsExactly(tuple("bread", 1.0, new Reason.OftenBoughtWith("jam")));
    assertThat(model.bundleFor(Set.of("bread", "tea"), 5))
        .extracting(ScoredItem::item, ScoredItem::reason)
        .containsExactly(tuple("butter", new Reason.OftenBoughtWith("bread")),
            tuple("milk", new Reason.OftenBoughtWith("tea")),
            tuple("jam", new Reason.OftenBoughtWith("bread")));
  }

  @Test
  void largeBasketsDoNotCountForPairsAndDuplicatesCountOnce() {
    // max 2 items: basket 2 (bread, butter, jam) is left out of pairs; basket 10 is {bread, butter} after dedup
    BoughtTogetherModel model = train(0, 0, 0, 2);
    BoughtTogetherModel.Rule breadButter = model.rulesFrom("bread").stream()
        .filter(r -> r.consequent().equals("butter")).findFirst().orElseThrow();
    assertThat(breadButter.count()).isEqualTo(3);
    assertThat(breadButter.confidence()).isCloseTo(3.0 / 6, within(1e-12)); // n(bread) still counts basket 2
    assertThat(model.rulesFrom("jam")).extracting(BoughtTogetherModel.Rule::consequent).containsExactly("bread");
  }

  @Test
  void bytesRoundTripAndDigestFollowsSettings() {
    BoughtTogetherModel model = train(0.1, 0.2, 1.0, 50);
    BoughtTogetherModel back = BoughtTogetherModel.fromBytes(model.toBytes());
    assertThat(back.bundleFor(Set.of("bread", "tea"), 5)).isEqualTo(model.bundleFor(Set.of("bread", "tea"), 5));
    assertThat(back.ruleCount()).isEqualTo(8);
    assertThat(back.settingsDigest()).isEqualTo(model.settingsDigest());
    assertThat(back.trainedAt()).isEqualTo(T0);
    assertThat(train(0.1, 0.2, 1.01, 50).settingsDigest()).isNotEqualTo(model.settingsDigest());
    assertThatThrownBy(() -> BoughtTogetherModel.fromBytes(new byte[] {1, 2, 3, 4}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("magic");
    byte[] bytes = model.toBytes();
    assertThatThrownBy(() -> BoughtTogetherModel.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
  }

  @Test
  void recoversPlantedPairsFromNoisyBaskets() {
    // 2,000 seeded baskets over 40 items: each basket holds 1–4 random items and, half of the time, one planted pair
    // (i, i + 20) for a random i < 20. Random co-occurrence has lift ≈ 1, the planted pairs far above it.
    java.util.Random random = new java.util.Random(7);
    List<List<String>> baskets = new java.util.ArrayList<>();
    for (int b = 0; b < 2000; b++) {
      List<String> basket = new java.util.ArrayList<>();
      for (int k = 1 + random.nextInt(4); k > 0; k--) {
        basket.add("p" + random.nextInt(40));
      }
      if (random.nextBoolean()) {
        int i = random.nextInt(20);
        basket.add("p" + i);
        basket.add("p" + (i + 20));
      }
      baskets.add(basket);
    }
    BoughtTogetherModel model = new BoughtTogether(CLOCK, new BoughtTogether.Settings(0.005, 0.1, 1.5, 50))
        .train(baskets);
    for (int i = 0; i < 20; i++) {
      List<ScoredItem> top = model.complementsOf("p" + i, 1);
      assertThat(top).as("p%d", i).extracting(ScoredItem::item).containsExactly("p" + (i + 20));
      assertThat(model.complementsOf("p" + (i + 20), 1)).extracting(ScoredItem::item).containsExactly("p" + i);
      assertThat(model.rulesFrom("p" + i).get(0).lift()).isGreaterThan(2);
    }
  }

  @Test
  void rejectsSettingsOutOfRange() {
    assertThatThrownBy(() -> new BoughtTogether.Settings(1.5, 0, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BoughtTogether.Settings(0, -0.1, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BoughtTogether.Settings(0, 0, 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBasketSize");
  }
}
