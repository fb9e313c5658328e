package io.shopsense.core.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.journey.Enrolment;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JourneyEngineTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final PersonId ANN = PersonId.of("ann");
  private final JourneyFixtures.Rig rig = new JourneyFixtures.Rig(T0);

  private static final String HEAD = "version: 1\ntrigger: {type: event, event: Go}\n";

  private void save(String id, String rest) {
    rig.repository.save("id: " + id + "\n" + HEAD + rest, true);
  }

  @Test
  void aWaitHoldsTheNextStepUntilItsTime() {
    save("w", """
        steps:
          - {id: pause, type: wait, duration: 2h, next: m}
          - {id: m, type: send, template: hello, category: promotional, next: x}
          - {id: x, type: exit}
        """);
    var result = rig.event(ANN, "Go");
    assertThat(result.enrolled()).singleElement().satisfies(e -> {
      assertThat(e.waiting()).isTrue();
      assertThat(e.wakeAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
    });
    assertThat(rig.after(Duration.ofMinutes(119)).advanced()).isZero();
    assertThat(rig.actions.sends(ANN)).isEmpty();
    assertThat(rig.after(Duration.ofMinutes(1)).advanced()).isEqualTo(1);
    assertThat(rig.actions.sends(ANN)).containsExactly("hello");
    assertThat(rig.actions.actions.get(0).key().value()).isEqualTo("w/m/ann/1");
    assertThat(rig.store.enrolments("w", ANN)).singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(Enrolment.Status.COMPLETED));
  }

  @Test
  void aWaitUntilATimeOfDayUsesThePersonsZone() {
    save("t", """
        zone: UTC
        steps:
          - {id: morning, type: wait, until: "10:00", next: x}
          - {id: x, type: exit}
        """);
    PersonId tokyo = PersonId.of("tokyo");
    rig.facts.zones.put(tokyo, ZoneId.of("Asia/Tokyo"));
    // 08:00 UTC is 17:00 in Tokyo: the next 10:00 there is 01:00 UTC the next day; in UTC it is 10:00 today
    assertThat(rig.event(tokyo, "Go").enrolled().get(0).wakeAt()).isEqualTo(Instant.parse("2026-03-03T01:00:00Z"));
    assertThat(rig.event(ANN, "Go").enrolled().get(0).wakeAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
  }

  @Test
  void aConditionBranchesOnFactsAndOnEventsSinceEnrolment() {
    save("c", """
        steps:
          - {id: pause, type: wait, duration: 1h, next: bought}
          - {id: bought, type: condition, if: {eventSince: Order Completed}, yes: x, no: vip}
          - {id: vip, type: condition, if: {field: tier, op: in, values: [gold, platinum]}, yes: gold, no: plain}
          - {id: gold, type: send, template: gold, category: promotional, next: x}
          - {id: plain, type: send, template: plain, category: promotional, next: x}
          - {id: x, type: exit}
        """);
    PersonId bob = PersonId.of("bob");
    PersonId cat = PersonId.of("cat");
    rig.facts.field(ANN, "tier", "gold");
    rig.facts.event(cat, "Order Completed", T0.minus(Duration.ofDays(3))); // before enrolment: does not count
    rig.event(ANN, "Go");
    rig.event(bob, "Go");
    rig.event(cat, "Go");
    rig.clock.advance(Duration.ofMinutes(30));
    rig.facts.event(bob, "Order Completed", rig.clock.instant());
    rig.after(Duration.ofMinutes(30));
    assertThat(rig.actions.sends(ANN)).containsExactly("gold");
    assertThat(rig.actions.sends(bob)).isEmpty();
    assertThat(rig.actions.sends(cat)).containsExactly("plain");
  }

  @Test
  void aSplitIsDeterministicPerPersonAndFollowsTheWeights() {
    save("ab", """
        steps:
          - {id: s, type: split, arms: [{name: a, weight: 1, next: ma}, {name: b, weight: 3, next: mb}]}
          - {id: ma, type: send, template: A, category: promotional, next: x}
          - {id: mb, type: send, template: B, category: promotional, next: x}
          - {id: x, type: exit}
        """);
    Step.Split split = (Step.Split) rig.repository.definition("ab", 1).step("s");
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      PersonId p = PersonId.of("p" + i);
      String arm = JourneyEngine.arm("ab", split, p).name();
      assertThat(JourneyEngine.arm("ab", split, p).name()).isEqualTo(arm);
      counts.merge(arm, 1, Integer::sum);
    }
    assertThat(counts.get("a") / 20_000.0).isBetween(0.24, 0.26);
    for (int i = 0; i < 40; i++) {
      PersonId p = PersonId.of("p" + i);
      rig.event(p, "Go");
      String expected = JourneyEngine.arm("ab", split, p).name().toUpperCase();
      assertThat(rig.actions.sends(p)).containsExactly(expected);
    }
  }

  @Test
  void anExitEventEndsTheEnrolmentBeforeItsNextSend() {
    save("cart", """
        exitOn: [{event: Order Completed}]
        steps:
          - {id: pause, type: wait, duration: 1h, next: m}
          - {id: m, type: send, template: reminder, category: promotional, next: x}
          - {id: x, type: exit}
        """);
    rig.event(ANN, "Go");
    rig.clock.advance(Duration.ofMinutes(20));
    assertThat(rig.event(ANN, "Order Completed").exited()).isEqualTo(1);
    rig.after(Duration.ofHours(2));
    assertThat(rig.actions.sends(ANN)).isEmpty();
    assertThat(rig.store.enrolments("cart", ANN)).singleElement().satisfies(e -> {
      assertThat(e.status()).isEqualTo(Enrolment.Status.EXITED);
      assertThat(e.endReason()).isEqualTo("exit condition: Order Completed");
    });
  }

  @Test
  void enrolmentIsIdempotentPerPersonAndVersionUnderTheOnceRule() {
    save("once", """
        steps:
          - {id: m, type: send, template: hi, category: promotional, next: x}
          - {id: x, type: exit}
        """);
    assertThat(rig.event(ANN, "Go").enrolled()).hasSize(1);
    assertThat(rig.event(ANN, "Go").enrolled()).isEmpty();
    rig.clock.advance(Duration.ofDays(400));
    assertThat(rig.event(ANN, "Go").enrolled()).isEmpty();
    assertThat(rig.actions.sends(ANN)).containsExactly("hi");
    // a new version is a new journey for the rule: the person may go through it once more
    rig.repository.save("id: once\nversion: 2\ntrigger: {type: event, event: Go}\nsteps:\n"
        + "  - {id: m, type: send, template: hi2, category: promotional, next: x}\n  - {id: x, type: exit}\n", true);
    assertThat(rig.event(ANN, "Go").enrolled()).singleElement().satisfies(e -> assertThat(e.entry()).isEqualTo(2));
    assertThat(rig.actions.sends(ANN)).containsExactly("hi", "hi2");
  }

  @Test
  void reentryAfterExitWaitsForTheEndAndTheCooldown() {
    save("again", """
        reentry: {mode: after-exit, cooldown: 1d}
        steps:
          - {id: pause, type: wait, duration: 2h, next: m}
          - {id: m, type: send, template: hi, category: promotional, next: x}
          - {id: x, type: exit}
        """);
    assertThat(rig.event(ANN, "Go").enrolled()).hasSize(1);
    rig.clock.advance(Duration.ofHours(1));
    assertThat(rig.event(ANN, "Go").enrolled()).as("still active").isEmpty();
    rig.after(Duration.ofHours(2));
    assertThat(rig.event(ANN, "Go").enrolled()).as("within the cooldown").isEmpty();
    rig.clock.advance(Duration.ofHours(21));
    assertThat(rig.event(ANN, "Go").enrolled()).singleElement().satisfies(e -> assertThat(e.entry()).isEqualTo(2));
    rig.after(Duration.ofHours(2));
    assertThat(rig.actions.actions).extracting(a -> a.key().value()).containsExactly("again/m/ann/1", "again/m/ann/2");
  }

  @Test
  void aNewEngineOnTheSameStoreResumesWhereTheOldOneStopped() {
    save("r", """
        steps:
          - {id: first, type: send, template: one, category: promotional, next: pause}
          - {id: pause, type: wait, duration: 1d, next: second}
          - {id: second, type: send, template: two, category: promotional, next: x}
          - {id: x, type: exit}
        """);
    rig.event(ANN, "Go");
    rig.restart();
    rig.after(Duration.ofDays(1));
    assertThat(rig.actions.sends(ANN)).containsExactly("one", "two");
    assertThat(rig.actions.calls).isEqualTo(2);
  }

  @Test
  void aFailedSideEffectIsRetriedOnALaterTickWithTheSameKey() {
    save("f", """
        steps:
          - {id: m, type: send, template: hi, category: promotional, next: x}
          - {id: x, type: exit}
        """);
    rig.actions.failing = true;
    Enrolment e = rig.event(ANN, "Go").enrolled().get(0);
    assertThat(e.stepId()).isEqualTo("m");
    assertThat(e.wakeAt()).isEqualTo(T0.plus(JourneyEngine.RETRY_AFTER));
    assertThat(rig.after(Duration.ofSeconds(30)).advanced()).isZero();
    rig.actions.failing = false;
    assertThat(rig.after(Duration.ofSeconds(30))).isEqualTo(new JourneyEngine.TickResult(1, 0));
    assertThat(rig.actions.actions).extracting(a -> a.key().value()).containsExactly("f/m/ann/1");
  }

  @Test
  void tickWorksThroughMoreDueEnrolmentsThanOneBatch() {
    save("many", """
        steps:
          - {id: pause, type: wait, duration: 1h, next: m}
          - {id: m, type: send, template: hi, category: promotional, next: x}
          - {id: x, type: exit}
        """);
    for (int i = 0; i < 175; i++) {
      rig.event(PersonId.of("p" + i), "Go");
    }
    assertThat(rig.after(Duration.ofHours(1)).advanced()).isEqualTo(175);
    assertThat(rig.actions.actions).hasSize(175);
    assertThat(rig.store.countByStatus("many")).isEqualTo(Map.of(Enrolment.Status.COMPLETED, 175L));
  }

  @Test
  void segmentStageAndDateTriggersEnrol() {
    rig.repository.save("""
        id: vip
        version: 1
        trigger: {type: segment-entered, segment: vip}
        steps: [{id: m, type: send, template: vip, category: promotional, next: x}, {id: x, type: exit}]
        """, true);
    rig.repository.save("""
        id: churn
        version: 1
        trigger: {type: stage-changed, from: silent, to: churned}
        steps: [{id: m, type: send, template: churn, category: promotional, next: x}, {id: x, type: exit}]
        """, true);
    rig.repository.save("""
        id: birthday
        version: 1
        trigger: {type: date-trait, trait: birthday, offsetDays: -7}
        reentry: {mode: after-exit, cooldown: 300d}
        steps: [{id: m, type: send, template: bday, category: promotional, next: x}, {id: x, type: exit}]
        """, true);
    Instant now = rig.clock.instant();
    rig.engine.onSignal(new JourneySignal.SegmentChanged(ANN, "vip", false, now));
    rig.engine.onSignal(new JourneySignal.StageChanged(ANN, "active", "churned", now));
    rig.engine.onSignal(new JourneySignal.DateTraitSeen(ANN, "birthday", LocalDate.of(1990, 3, 10), now));
    assertThat(rig.actions.sends(ANN)).isEmpty();
    rig.engine.onSignal(new JourneySignal.SegmentChanged(ANN, "vip", true, now));
    rig.engine.onSignal(new JourneySignal.StageChanged(ANN, "silent", "churned", now));
    rig.engine.onSignal(new JourneySignal.DateTraitSeen(ANN, "birthday", LocalDate.of(1990, 3, 9), now));
    assertThat(rig.actions.sends(ANN)).containsExactly("vip", "churn", "bday");
  }

  @Test
  void aJourneyThatIsNotLiveTakesNoEnrolments() {
    rig.repository.save("id: dormant\n" + HEAD + "steps: [{id: x, type: exit}]\n", false);
    assertThat(rig.event(ANN, "Go").enrolled()).isEmpty();
    rig.repository.setLive("dormant", 1, true);
    assertThat(rig.event(ANN, "Go").enrolled()).extracting(Enrolment::status)
        .containsExactly(Enrolment.Status.COMPLETED);
    assertThat(List.of(rig.store.latestDefinitions().get(0).live())).containsExactly(true);
  }
}
