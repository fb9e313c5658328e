package io.shopsense.core.profile;

import static io.shopsense.core.profile.BehaviourTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RfmAndLifecycleTest {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static int people;

  /** A person with {@code orders} orders of {@code amount} each, {@code gapDays} apart, the last {@code ago} ago. */
  static BehaviourView customer(int orders, int amount, int gapDays, Duration ago) {
    String user = "u" + people++;
    Behaviour b = new Behaviour();
    b.add(event("{'type':'page','name':'Home','messageId':'" + user + "-p','userId':'" + user + "','timestamp':'"
        + NOW.minus(ago).minus(Duration.ofDays(400)) + "'}"));
    for (int i = 0; i < orders; i++) {
      Instant at = NOW.minus(ago).minus(Duration.ofDays((long) gapDays * i));
      b.add(event("{'type':'track','event':'Order Completed','messageId':'" + user + "-" + i + "','userId':'" + user
          + "','timestamp':'" + at + "','properties':{'order_id':'" + user + i + "','revenue':" + amount + "}}"));
    }
    return b.view();
  }

  @Test
  void theGridNamesEverySegment() {
    assertThat(RfmSegment.of(5, 5, 5)).isEqualTo(RfmSegment.CHAMPIONS);
    assertThat(RfmSegment.of(5, 1, 1)).isEqualTo(RfmSegment.NEW);
    assertThat(RfmSegment.of(4, 1, 1)).isEqualTo(RfmSegment.PROMISING);
    assertThat(RfmSegment.of(4, 2, 3)).isEqualTo(RfmSegment.POTENTIAL_LOYALIST);
    assertThat(RfmSegment.of(3, 4, 5)).isEqualTo(RfmSegment.LOYAL);
    assertThat(RfmSegment.of(3, 3, 3)).isEqualTo(RfmSegment.NEED_ATTENTION);
    assertThat(RfmSegment.of(3, 1, 2)).isEqualTo(RfmSegment.ABOUT_TO_SLEEP);
    assertThat(RfmSegment.of(2, 4, 3)).isEqualTo(RfmSegment.AT_RISK);
    assertThat(RfmSegment.of(1, 5, 5)).isEqualTo(RfmSegment.CANNOT_LOSE_THEM);
    assertThat(RfmSegment.of(2, 2, 1)).isEqualTo(RfmSegment.HIBERNATING);
    assertThat(RfmSegment.of(1, 1, 1)).isEqualTo(RfmSegment.LOST);
    assertThat(RfmSegment.of(1, 1, 2).label()).as("(1 + 2) / 2 rounds up to 2").isEqualTo("Hibernating");
    assertThat(RfmSegment.CANNOT_LOSE_THEM.label()).isEqualTo("Cannot Lose Them");
    assertThatThrownBy(() -> RfmSegment.of(0, 3, 3)).hasMessageContaining("recency score is 1 to 5, not 0");
  }

  @Test
  void fiveDistinctCustomersScoreOneToFiveAndTenTwoPerScore() {
    List<BehaviourView> five = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      five.add(customer(i, 10 * i, 0, Duration.ofDays(60 - 10 * i)));
    }
    RfmModel model = RfmModel.fit(five);
    for (int i = 1; i <= 5; i++) {
      var rfm = model.score(five.get(i - 1));
      assertThat(List.of(rfm.recency(), rfm.frequency(), rfm.monetary())).as("customer %d", i)
          .containsExactly(i, i, i);
    }
    List<BehaviourView> ten = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      ten.add(customer(i, 10 * i, 0, Duration.ofDays(100 - 5 * i)));
    }
    RfmModel tens = RfmModel.fit(ten);
    for (int i = 1; i <= 10; i++) {
      assertThat(tens.score(ten.get(i - 1)).frequency()).as("customer %d", i).isEqualTo((i + 1) / 2);
    }
  }

  @Test
  void scoresAreQuintilesOfTheCustomersAndTiesShareAScore() {
    List<BehaviourView> base = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      base.add(customer(1, 10 * (i + 1), 0, Duration.ofDays(10 * (i + 1)))); // 70% ordered once
      base.add(customer(1, 10 * (i + 1), 0, Duration.ofDays(10 * (i + 1) + 1)));
      if (i < 6) {
        base.add(customer(1, 5, 0, Duration.ofDays(200)));
      }
    }
    for (int i = 0; i < 6; i++) {
      base.add(customer(2, 50, 30, Duration.ofDays(5)));
    }
    base.add(customer(5, 100, 20, Duration.ofDays(1)));
    base.add(customer(6, 100, 20, Duration.ofDays(1)));
    base.add(customer(0, 0, 0, Duration.ZERO)); // a visitor: not in the base

    RfmModel model = RfmModel.fit(base);
    var loyal = model.score(customer(6, 100, 20, Duration.ofDays(1)));
    var once = model.score(base.get(0));
    var lapsed = model.score(customer(1, 5, 0, Duration.ofDays(200)));

    assertThat(model.customers()).isEqualTo(34);
    assertThat(model.frequencyCuts()).as("26 of 34 ordered once, 6 twice").containsExactly(1, 1, 1, 2);
    assertThat(once.frequency()).as("every one-order customer scores 1").isEqualTo(1);
    assertThat(loyal.frequency()).isEqualTo(5);
    assertThat(loyal.recency()).isEqualTo(5);
    assertThat(loyal.segment()).isEqualTo(RfmSegment.CHAMPIONS);
    assertThat(lapsed.recency()).isEqualTo(1);
    assertThat(lapsed.segment()).isEqualTo(RfmSegment.LOST);
    assertThat(model.score(customer(0, 0, 0, Duration.ZERO))).isNull();
    assertThat(RfmModel.fit(base)).as("fitting is deterministic").isEqualTo(model);
  }

  @Test
  void stagesFollowTheLastOrder() {
    LifecycleWindows w = new LifecycleWindows(Duration.ofDays(30), Duration.ofDays(120));

    assertThat(w.stage(customer(0, 0, 0, Duration.ZERO), NOW)).isEqualTo(LifecycleStage.POTENTIAL);
    assertThat(w.stage(customer(1, 10, 0, Duration.ofDays(3)), NOW)).isEqualTo(LifecycleStage.NEW);
    assertThat(w.stage(customer(3, 10, 20, Duration.ofDays(30)), NOW)).isEqualTo(LifecycleStage.ACTIVE);
    assertThat(w.stage(customer(3, 10, 20, Duration.ofDays(31)), NOW)).isEqualTo(LifecycleStage.SILENT);
    assertThat(w.stage(customer(1, 10, 0, Duration.ofDays(121)), NOW)).isEqualTo(LifecycleStage.CHURNED);
    assertThat(LifecycleStage.SILENT.key()).isEqualTo("silent");
    assertThatThrownBy(() -> new LifecycleWindows(Duration.ofDays(30), Duration.ofDays(30)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void windowsComeFromTheShopsOwnRhythm() {
    List<BehaviourView> base = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      base.add(customer(3, 10, 10 + i, Duration.ofDays(1))); // mean gaps of 10 to 49 days
    }

    LifecycleWindows fitted = LifecycleWindows.fit(base);

    assertThat(fitted.activeFor()).isEqualTo(Duration.ofDays(39)); // the 30th of 40 gaps
    assertThat(fitted.churnAfter()).isEqualTo(Duration.ofDays(117));
    assertThat(LifecycleWindows.fit(base.subList(0, 5))).as("too few repeat customers")
        .isEqualTo(LifecycleWindows.DEFAULTS);
  }
}
