package io.shopsense.core.recommend;

import static io.shopsense.core.recommend.InteractionKind.PURCHASE;
import static io.shopsense.core.recommend.InteractionKind.REFUND;
import static io.shopsense.core.recommend.InteractionKind.VIEW;
import static io.shopsense.core.recommend.InteractionsTest.T0;
import static io.shopsense.core.recommend.InteractionsTest.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RepeatPurchaseTest {
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
  static final RepeatPurchase.Settings SETTINGS = new RepeatPurchase.Settings(2, 2, Duration.ofDays(2));

  static Instant day(int d) {
    return T0.plus(Duration.ofDays(d));
  }

  /**
   * coffee: alice days 0, 10, 20 (gaps 10, 10), bob 0, 14 (gap 14), carol 5 → median of 10, 10, 14 = 10 days, two
   * repeaters. tea: dave 0, 30, 60 → gaps 30, 30 but one repeater. soap: erin 0, 20 (refunded on day 21), 40 → gap 40;
   * frank 0, 20 → gap 20; median of 40, 20 = 30 days (without the refund it would be 20, 20, 20). tv: alice day 0 once;
   * views never count.
   */
  static final List<Interaction> RECORDS = List.of(
      rec("alice", "coffee", PURCHASE, 1, day(0)), rec("alice", "coffee", PURCHASE, 2, day(10)),
      rec("alice", "coffee", PURCHASE, 1, day(20)), rec("alice", "coffee", VIEW, 1, day(25)),
      rec("bob", "coffee", PURCHASE, 1, day(0)), rec("bob", "coffee", PURCHASE, 1, day(14)),
      rec("bob", "coffee", PURCHASE, 1, day(14)),  // a second order line at the same instant is the same purchase
      rec("carol", "coffee", PURCHASE, 1, day(5)),
      rec("dave", "tea", PURCHASE, 1, day(0)), rec("dave", "tea", PURCHASE, 1, day(30)),
      rec("dave", "tea", PURCHASE, 1, day(60)),
      rec("erin", "soap", PURCHASE, 1, day(0)), rec("erin", "soap", PURCHASE, 1, day(20)),
      rec("erin", "soap", REFUND, 1, day(21)), rec("erin", "soap", PURCHASE, 1, day(40)),
      rec("frank", "soap", PURCHASE, 1, day(0)), rec("frank", "soap", PURCHASE, 1, day(20)),
      rec("alice", "tv", PURCHASE, 1, day(0)),
      rec("gina", "tv", VIEW, 1, day(1)), rec("gina", "tv", VIEW, 1, day(9)));

  static RepeatPurchaseModel learned() {
    return new RepeatPurchase(CLOCK, SETTINGS).train(RECORDS);
  }

  @Test
  void intervalIsTheMedianRepeatGapAfterRefunds() {
    RepeatPurchaseModel model = learned();
    assertThat(model.interval("coffee")).contains(Duration.ofDays(10));
    assertThat(model.interval("tea")).contains(Duration.ofDays(30));
    assertThat(model.interval("soap")).as("erin's refunded day-20 order is no repeat").contains(Duration.ofDays(30));
    assertThat(model.interval("tv")).isEmpty();
    RepeatPurchaseModel strict = new RepeatPurchase(CLOCK, new RepeatPurchase.Settings(3, 1, Duration.ZERO))
        .train(RECORDS);
    assertThat(strict.interval("coffee")).as("3 gaps").contains(Duration.ofDays(10));
    assertThat(strict.interval("tea")).as("only 2 gaps").isEmpty();
    assertThat(RepeatPurchase.median(List.of(Duration.ofDays(1), Duration.ofDays(4), Duration.ofDays(2),
        Duration.ofDays(9)))).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void consumablesAreLearnedFromRepeatersOrGiven() {
    assertThat(learned().consumables()).containsExactlyInAnyOrder("coffee", "soap");
    RepeatPurchaseModel given = new RepeatPurchase(CLOCK, SETTINGS).train(RECORDS, Set.of("tea", "tv"));
    assertThat(given.consumables()).containsExactlyInAnyOrder("tea", "tv");
    assertThat(given.isConsumable("coffee")).isFalse();
    assertThat(given.dueFor("dave", day(88), 5))
        .extracting(ScoredItem::item, ScoredItem::reason).containsExactly(tuple("tea", new Reason.DueAgain("tea")));
    assertThat(given.dueFor("alice", day(400), 5)).as("tv has no interval, coffee is not given").isEmpty();
  }

  @Test
  void dueWhenLastPurchasePlusIntervalFallsWithinTheWindow() {
    RepeatPurchaseModel model = learned();
    Instant now = CLOCK.instant().plus(Duration.ofDays(28));
    // alice: last day 20, 8 days elapsed + 2 window = 10 ≥ interval 10 → due, score 8/10
    assertThat(model.dueFor("alice", now, 5))
        .extracting(ScoredItem::item, ScoredItem::reason).containsExactly(tuple("coffee", new Reason.DueAgain("coffee")));
    assertThat(model.dueFor("alice", now, 5).get(0).score()).isCloseTo(0.8, within(1e-12));
    assertThat(model.dueFor("alice", day(27), 5)).as("7 + 2 < 10").isEmpty();
    assertThat(model.dueFor("dave", day(200), 5)).as("tea was not learned as consumable").isEmpty();
    assertThat(model.dueFor("nobody", now, 5)).isEmpty();
    // frank: soap last day 20, interval 30 → due at day 50 - 2; erin's last soap is day 40 → not yet
    assertThat(model.dueFor("frank", day(50), 5).get(0).score()).isCloseTo(1.0, within(1e-12));
    assertThat(model.dueFor("erin", day(50), 5)).isEmpty();
  }

  @Test
  void mostOverdueFirstFromGivenLastPurchases() {
    RepeatPurchaseModel model = learned();
    // at day 60: coffee last day 41 → 19/10 = 1.9; soap last day 15 → 45/30 = 1.5; tv is no consumable
    Map<String, Instant> last = Map.of("coffee", day(41), "soap", day(15), "tv", day(0));
    assertThat(model.due(last, day(60), 5))
        .extracting(ScoredItem::item, ScoredItem::score)
        .containsExactly(tuple("coffee", 1.9), tuple("soap", 1.5));
    assertThat(model.due(last, day(60), 1)).extracting(ScoredItem::item).containsExactly("coffee");
  }

  @Test
  void bytesRoundTripAndDigestFollowsSettings() {
    RepeatPurchaseModel model = learned();
    RepeatPurchaseModel back = RepeatPurchaseModel.fromBytes(model.toBytes());
    assertThat(back.dueFor("bob", day(40), 5)).isEqualTo(model.dueFor("bob", day(40), 5)).isNotEmpty();
    assertThat(back.consumables()).isEqualTo(model.consumables());
    assertThat(back.interval("soap")).contains(Duration.ofDays(30));
    assertThat(back.settingsDigest()).isEqualTo(model.settingsDigest());
    assertThat(back.trainedAt()).isEqualTo(T0);
    assertThat(new RepeatPurchase(CLOCK, new RepeatPurchase.Settings(2, 2, Duration.ofDays(3))).train(RECORDS)
        .settingsDigest()).isNotEqualTo(model.settingsDigest());
    assertThat(new RepeatPurchase(CLOCK, SETTINGS).train(RECORDS, Set.of("coffee")).settingsDigest())
        .as("given consumables are another input").isNotEqualTo(model.settingsDigest());
    assertThatThrownBy(() -> RepeatPurchaseModel.fromBytes(new byte[] {0, 0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("magic");
  }

  @Test
  void rejectsSettingsOutOfRange() {
    assertThatThrownBy(() -> new RepeatPurchase.Settings(0, 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minGaps");
    assertThatThrownBy(() -> new RepeatPurchase.Settings(1, 1, Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
  }
}
