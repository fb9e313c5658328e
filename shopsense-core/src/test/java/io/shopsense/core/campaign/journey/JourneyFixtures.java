package io.shopsense.core.campaign.journey;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.journey.JourneyActions;
import io.shopsense.api.journey.PersonFacts;
import io.shopsense.api.journey.SendKey;
import io.shopsense.api.journey.SendSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Test parts for journeys: a clock the test moves, recorded actions, facts the test sets. */
final class JourneyFixtures {
  private JourneyFixtures() {
  }

  /** A clock that stands still until the test moves it. */
  static final class TestClock extends Clock {
    private Instant now;

    TestClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    void set(Instant t) {
      now = t;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** One recorded side effect. */
  record Action(String kind, PersonId person, SendKey key, String what, Instant at) {
  }

  /** Records every action; like a real channel, drops a repeated key. Can be told to fail. */
  static final class RecordingActions implements JourneyActions {
    final List<Action> actions = new ArrayList<>();
    final Set<String> keys = new LinkedHashSet<>();
    int calls;
    boolean failing;
    private final Clock clock;

    RecordingActions(Clock clock) {
      this.clock = clock;
    }

    private void record(String kind, PersonId person, SendKey key, String what) {
      calls++;
      if (failing) {
        throw new IllegalStateException("channel down");
      }
      if (keys.add(key.value())) {
        actions.add(new Action(kind, person, key, what, clock.instant()));
      }
    }

    @Override
    public void send(PersonId person, SendKey key, SendSpec spec) {
      record("send", person, key, spec.templateId());
    }

    @Override
    public void grantCoupon(PersonId person, SendKey key, String poolId) {
      record("coupon", person, key, poolId);
    }

    @Override
    public void updateTrait(PersonId person, SendKey key, String trait, String value) {
      record("trait", person, key, trait + "=" + value);
    }

    List<String> sends(PersonId person) {
      return actions.stream().filter(a -> a.kind().equals("send") && a.person().equals(person))
          .map(Action::what).toList();
    }

    List<String> all(PersonId person) {
      return actions.stream().filter(a -> a.person().equals(person)).map(a -> a.kind() + ":" + a.what()).toList();
    }
  }

  /** Facts the test sets; events recorded with their times. */
  static final class Facts implements PersonFacts {
    final Map<String, Object> fields = new HashMap<>();
    final Map<String, Object> traits = new HashMap<>();
    final Map<String, List<Instant>> events = new HashMap<>();
    final Map<PersonId, ZoneId> zones = new HashMap<>();

    void field(PersonId p, String name, Object value) {
      fields.put(p.value() + "/" + name, value);
    }

    void event(PersonId p, String name, Instant at) {
      events.computeIfAbsent(p.value() + "/" + name, k -> new ArrayList<>()).add(at);
    }

    @Override
    public Optional<Object> field(PersonId person, String name) {
      return Optional.ofNullable(fields.get(person.value() + "/" + name));
    }

    @Override
    public Optional<Object> trait(PersonId person, String name) {
      return Optional.ofNullable(traits.get(person.value() + "/" + name));
    }

    @Override
    public boolean eventSince(PersonId person, String eventName, Instant since) {
      return events.getOrDefault(person.value() + "/" + eventName, List.of()).stream()
          .anyMatch(t -> !t.isBefore(since));
    }

    @Override
    public Optional<ZoneId> zone(PersonId person) {
      return Optional.ofNullable(zones.get(person));
    }
  }

  /** An engine, its parts and a signal helper that also records events as facts. */
  static final class Rig {
    final TestClock clock;
    final MemoryJourneyStore store;
    final RecordingActions actions;
    final Facts facts = new Facts();
    JourneyRepository repository;
    JourneyEngine engine;

    Rig(Instant start) {
      this(start, new MemoryJourneyStore());
    }

    Rig(Instant start, MemoryJourneyStore store) {
      this.clock = new TestClock(start);
      this.store = store;
      this.actions = new RecordingActions(clock);
      restart();
    }

    /** A new repository and engine on the same store, as after a process restart. */
    void restart() {
      repository = new JourneyRepository(store, clock);
      engine = new JourneyEngine(repository, store, actions, facts, clock, 50);
    }

    JourneyEngine.SignalResult event(PersonId p, String name, Map<String, String> props) {
      facts.event(p, name, clock.instant());
      return engine.onSignal(new JourneySignal.EventSeen(p, name, props, clock.instant()));
    }

    JourneyEngine.SignalResult event(PersonId p, String name) {
      return event(p, name, Map.of());
    }

    JourneyEngine.TickResult after(Duration d) {
      clock.advance(d);
      return engine.tick();
    }
  }
}
