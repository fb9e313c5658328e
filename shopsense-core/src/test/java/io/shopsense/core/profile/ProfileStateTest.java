package io.shopsense.core.profile;

import static io.shopsense.core.profile.BehaviourTest.NOW;
import static io.shopsense.core.profile.BehaviourTest.randomEvents;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.event.Event;
import io.shopsense.api.profile.ProfileFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class ProfileStateTest {
  private final ProfileEngine engine = ProfileEngine.defaults();

  @RepeatedTest(10)
  void encodingIsExact(RepetitionInfo repetition) {
    ProfileState state = engine.newState();
    randomEvents(new Random(repetition.getCurrentRepetition()), 50 + repetition.getCurrentRepetition() * 20)
        .forEach(state::add);

    ProfileState back = ProfileState.decode(state.encode(), Interests.Settings.defaults());

    assertThat(back).isEqualTo(state);
    assertThat(back.behaviour().view()).isEqualTo(state.behaviour().view());
    assertThat(back.interests().scores(NOW)).isEqualTo(state.interests().scores(NOW));
    assertThat(back.recent()).isEqualTo(state.recent());
    assertThat(back.encode()).isEqualTo(state.encode());
  }

  @Test
  void anEmptyStateEncodes() {
    ProfileState empty = engine.newState();
    assertThat(ProfileState.decode(empty.encode(), Interests.Settings.defaults())).isEqualTo(empty);
    assertThat(empty.isEmpty()).isTrue();
  }

  @Test
  void keepsOnlyTheLatestTouchesInAnyOrder() {
    List<Event> events = randomEvents(new Random(7), 200);
    ProfileState inOrder = engine.newState();
    events.forEach(inOrder::add);
    ProfileState reversed = engine.newState();
    for (int i = events.size() - 1; i >= 0; i--) {
      reversed.add(events.get(i));
    }
    assertThat(inOrder.recent()).hasSize(ProfileState.RECENT).isEqualTo(reversed.recent());
    Instant latest = events.stream().map(e -> e.meta().timestamp()).max(Instant::compareTo).orElseThrow();
    assertThat(inOrder.recent().get(ProfileState.RECENT - 1).at()).isEqualTo(latest);
  }

  /**
   * Real time and batch agree: several persons' random streams (late and out-of-order events included) arrive
   * interleaved in random batches; the real-time side decodes each stored state, folds the batch in and encodes it
   * again, and half way one person is merged into another (their stored states merged, their later events going to
   * the survivor). The batch side folds each survivor's events from scratch. States, facts under a model fitted on
   * the batch side, and the session intent are equal.
   */
  @RepeatedTest(25)
  void realTimeAndBatchAgree(RepetitionInfo repetition) {
    Random random = new Random(1_000 + repetition.getCurrentRepetition());
    int persons = 2 + random.nextInt(5);
    Map<String, List<Event>> eventsOf = new LinkedHashMap<>();
    List<String[]> arrival = new ArrayList<>();
    for (int p = 0; p < persons; p++) {
      List<Event> events = randomEvents(new Random(random.nextLong()), 10 + random.nextInt(120));
      eventsOf.put("p" + p, events);
      for (int i = 0; i < events.size(); i++) {
        arrival.add(new String[] {"p" + p, Integer.toString(i)});
      }
    }
    java.util.Collections.shuffle(arrival, random);
    String survivor = "p0";
    String merged = "p1";
    int mergeAt = random.nextInt(arrival.size());

    Map<String, byte[]> stored = new HashMap<>();
    boolean mergedYet = false;
    int i = 0;
    while (i < arrival.size()) {
      int end = Math.min(arrival.size(), i + 1 + random.nextInt(40));
      if (!mergedYet && end > mergeAt) {
        end = Math.max(i + 1, mergeAt);
      }
      Map<String, ProfileState> working = new TreeMap<>();
      for (String[] a : arrival.subList(i, end)) {
        String owner = mergedYet && a[0].equals(merged) ? survivor : a[0];
        working.computeIfAbsent(owner, o -> stored.containsKey(o)
                ? ProfileState.decode(stored.get(o), Interests.Settings.defaults()) : engine.newState())
            .add(eventsOf.get(a[0]).get(Integer.parseInt(a[1])));
      }
      working.forEach((o, s) -> stored.put(o, s.encode()));
      i = end;
      if (!mergedYet && i >= mergeAt) {
        mergedYet = true;
        if (stored.containsKey(merged)) {
          ProfileState into = stored.containsKey(survivor)
              ? ProfileState.decode(stored.get(survivor), Interests.Settings.defaults()) : engine.newState();
          into.merge(ProfileState.decode(stored.remove(merged), Interests.Settings.defaults()));
          stored.put(survivor, into.encode());
        }
      }
    }

    Map<String, ProfileState> batch = new TreeMap<>();
    eventsOf.forEach((p, events) -> {
      ProfileState s = batch.computeIfAbsent(p.equals(merged) ? survivor : p, o -> engine.newState());
      List<Event> byTime = new ArrayList<>(events);
      byTime.sort((a, b) -> a.meta().timestamp().compareTo(b.meta().timestamp()));
      byTime.forEach(s::add);
    });
    ProfileModel model = ProfileModel.fit(batch.values().stream().map(s -> engine.facts(s, NOW)).toList(), null, NOW);
    engine.model(model);

    assertThat(stored.keySet()).isEqualTo(batch.keySet());
    batch.forEach((p, expected) -> {
      ProfileState real = ProfileState.decode(stored.get(p), Interests.Settings.defaults());
      assertThat(real).as(p).isEqualTo(expected);
      ProfileFacts facts = engine.facts(real, NOW);
      assertThat(facts).as(p).isEqualTo(engine.facts(expected, NOW));
      assertThat(SessionIntent.currentOf(real.recent(), NOW))
          .isEqualTo(SessionIntent.currentOf(expected.recent(), NOW));
    });
  }

  /**
   * The refresh derives from stored facts where it can: wherever that gives an answer, it is the answer the state
   * gives, for random persons, models fitted on them and instants from now to two years on.
   */
  @RepeatedTest(10)
  void factsFromFactsAgreeWithFactsFromTheState(RepetitionInfo repetition) {
    Random random = new Random(77 + repetition.getCurrentRepetition());
    List<ProfileState> states = new ArrayList<>();
    for (int n = 0; n < 40; n++) {
      ProfileState s = engine.newState();
      randomEvents(new Random(random.nextLong()), 3 + random.nextInt(80)).forEach(s::add);
      states.add(s);
    }
    ProfileModel older = ProfileModel.fit(states.stream().map(s -> engine.facts(s, NOW)).toList(), null, NOW);
    engine.model(older);
    Map<ProfileState, ProfileFacts> stored = new HashMap<>();
    states.forEach(s -> stored.put(s, engine.facts(s, NOW)));
    int answered = 0;
    for (int days : new int[] {0, 3, 30, 100, 200, 400, 800}) {
      Instant at = NOW.plus(Duration.ofDays(days));
      ProfileModel refitted = ProfileModel.fit(states.stream().map(s -> engine.facts(s, at)).toList(), null, at);
      engine.model(refitted);
      boolean same = refitted.windows().equals(older.windows());
      for (ProfileState s : states) {
        ProfileFacts quick = engine.factsFromFacts(stored.get(s), at, same);
        if (quick != null) {
          answered++;
          assertThat(quick).isEqualTo(engine.facts(s, at));
        }
      }
      engine.model(older);
    }
    assertThat(answered).as("most answers need no state").isGreaterThan(states.size() * 7 / 2);
  }

  @Test
  void stagesAndWhenTheyBegan() {
    LifecycleWindows w = new LifecycleWindows(Duration.ofDays(30), Duration.ofDays(90));
    Instant first = Instant.parse("2026-01-01T00:00:00Z");
    TreeMap<Instant, Integer> orders = new TreeMap<>();
    assertThat(w.stageAt(first, orders, first.plus(Duration.ofDays(400))))
        .isEqualTo(new LifecycleWindows.StageAt(LifecycleStage.POTENTIAL, first));

    Instant o1 = first.plus(Duration.ofDays(2));
    orders.put(o1, 1);
    assertThat(w.stageAt(first, orders, o1.plus(Duration.ofDays(10))).stage()).isEqualTo(LifecycleStage.NEW);
    assertThat(w.stageAt(first, orders, o1.plus(Duration.ofDays(10))).since()).isEqualTo(o1);
    assertThat(w.stageAt(first, orders, o1.plus(Duration.ofDays(31))))
        .isEqualTo(new LifecycleWindows.StageAt(LifecycleStage.SILENT, o1.plus(Duration.ofDays(30))));
    assertThat(w.stageAt(first, orders, o1.plus(Duration.ofDays(91))))
        .isEqualTo(new LifecycleWindows.StageAt(LifecycleStage.CHURNED, o1.plus(Duration.ofDays(90))));

    Instant o2 = o1.plus(Duration.ofDays(10));
    Instant o3 = o2.plus(Duration.ofDays(10));
    orders.put(o2, 1);
    orders.put(o3, 1);
    assertThat(w.stageAt(first, orders, o3.plus(Duration.ofDays(1))))
        .as("active since the second order, not the latest")
        .isEqualTo(new LifecycleWindows.StageAt(LifecycleStage.ACTIVE, o2));

    Instant back = o3.plus(Duration.ofDays(60));
    orders.put(back, 1);
    assertThat(w.stageAt(first, orders, back.plus(Duration.ofDays(1))))
        .as("active again since the order that ended the lapse")
        .isEqualTo(new LifecycleWindows.StageAt(LifecycleStage.ACTIVE, back));

    TreeMap<Instant, Integer> twoAtOnce = new TreeMap<>();
    twoAtOnce.put(o1, 2);
    assertThat(w.stageAt(first, twoAtOnce, o1.plus(Duration.ofDays(1))))
        .isEqualTo(new LifecycleWindows.StageAt(LifecycleStage.ACTIVE, o1));
  }

  @Test
  void theStageAgreesWithTheStageOfTheView() {
    Random random = new Random(3);
    for (int n = 0; n < 20; n++) {
      ProfileState s = engine.newState();
      randomEvents(new Random(random.nextLong()), 5 + random.nextInt(60)).forEach(s::add);
      BehaviourView v = s.behaviour().view();
      for (int days : new int[] {0, 20, 100, 400, 900}) {
        Instant at = NOW.plus(Duration.ofDays(days));
        assertThat(LifecycleWindows.DEFAULTS.stageAt(v.firstSeen(), s.behaviour().orderTimes(), at).stage())
            .isEqualTo(LifecycleWindows.DEFAULTS.stage(v, at));
      }
    }
  }
}
