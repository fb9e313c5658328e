package io.shopsense.core.campaign.journey;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.journey.Enrolment;
import io.shopsense.api.journey.JourneyActions;
import io.shopsense.api.journey.JourneyStore;
import io.shopsense.api.journey.PersonFacts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs journeys: {@link #onSignal} ends enrolments whose exit condition the event meets and enrols the person in every
 * live journey whose trigger fires (unless the re-entry rule forbids it), then advances the new enrolments at once;
 * {@link #tick} advances the enrolments that are due (waits ended, retries) in batches. The enrolment is saved after
 * every step with a side effect and wherever it stops (a wait, an end, a failure), so a new engine on the same store
 * resumes where a stopped one was; steps without side effects (a wait ending, a branch, a split) are not saved on
 * their own, as running them again after a crash changes nothing outside. A step interrupted between its side effect
 * and the save runs again, and {@link JourneyActions} drops the repeat by its key.
 *
 * <p>One engine at a time should tick a store (the scheduler's lease decides which); signals may come from any thread.
 */
public final class JourneyEngine {
  /** How long a step whose side effect failed waits before it is tried again. */
  public static final Duration RETRY_AFTER = Duration.ofMinutes(1);
  private static final int MAX_ROUNDS = 10_000;

  private final JourneyRepository journeys;
  private final JourneyStore store;
  private final JourneyActions actions;
  private final PersonFacts facts;
  private final Clock clock;
  private final int batchSize;

  /** What one signal did: the enrolments it started (advanced as far as they go) and how many it ended. */
  public record SignalResult(List<Enrolment> enrolled, int exited) {
  }

  /** What one tick did: enrolments advanced, and steps whose side effect failed (retried later). */
  public record TickResult(int advanced, int failures) {
  }

  public JourneyEngine(JourneyRepository journeys, JourneyStore store, JourneyActions actions, PersonFacts facts,
      Clock clock, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
    }
    this.journeys = journeys;
    this.store = store;
    this.actions = actions;
    this.facts = facts;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /** Reacts to a signal about a person: exits first (so a purchase ends cart reminders), then enrolments. */
  public SignalResult onSignal(JourneySignal signal) {
    Instant now = clock.instant();
    int exited = 0;
    if (signal instanceof JourneySignal.EventSeen event) {
      for (Enrolment e : store.active(signal.person())) {
        JourneyDefinition d = journeys.definition(e.journeyId(), e.version());
        if (d == null || event.at().isBefore(e.enteredAt())) {
          continue;
        }
        for (EventFilter exit : d.exitOn()) {
          if (exit.matches(event)) {
            if (store.update(e.ended(Enrolment.Status.EXITED, "exit condition: " + event.name(), now))) {
              exited++;
            }
            break;
          }
        }
      }
    }
    List<Enrolment> enrolled = new ArrayList<>();
    for (JourneyDefinition d : journeys.live()) {
      ZoneId zone = facts.zone(signal.person()).orElse(d.zone());
      if (d.trigger() != null && d.trigger().fires(signal, zone)) {
        enrol(d, signal.person(), now).ifPresent(e -> enrolled.add(advance(e, now)));
      }
    }
    return new SignalResult(enrolled, exited);
  }

  /** Advances every enrolment due now, by the engine's clock. */
  public TickResult tick() {
    return tick(clock.instant());
  }

  /** Advances every enrolment due at or before {@code now}, a batch at a time, until none is due. */
  public TickResult tick(Instant now) {
    int advanced = 0;
    int failures = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Enrolment> due = store.due(now, batchSize);
      for (Enrolment e : due) {
        Enrolment after = advance(e, now);
        advanced++;
        if (after.status() == Enrolment.Status.ACTIVE && !after.waiting() && after.wakeAt().isAfter(now)) {
          failures++;
        }
      }
      if (due.size() < batchSize) {
        break;
      }
    }
    return new TickResult(advanced, failures);
  }

  private Optional<Enrolment> enrol(JourneyDefinition d, PersonId person, Instant now) {
    List<Enrolment> past = store.enrolments(d.id(), person);
    int lastEntry = 0;
    Enrolment last = null;
    for (Enrolment e : past) {
      if (e.status() == Enrolment.Status.ACTIVE) {
        return Optional.empty();
      }
      if (d.reentry().mode() == ReentryRule.Mode.ONCE && e.version() == d.version()) {
        return Optional.empty();
      }
      if (e.entry() > lastEntry) {
        lastEntry = e.entry();
        last = e;
      }
    }
    if (last != null && d.reentry().mode() == ReentryRule.Mode.AFTER_EXIT
        && now.isBefore(last.enteredAt().plus(d.reentry().cooldown()))) {
      return Optional.empty();
    }
    Enrolment e = new Enrolment(d.id(), d.version(), person, lastEntry + 1, d.start(), Enrolment.Status.ACTIVE, false,
        now, now, now, null);
    return store.enrol(e) ? Optional.of(e) : Optional.empty();
  }

  /** Runs the enrolment's steps until it waits, ends or a side effect fails; returns where it stands. */
  Enrolment advance(Enrolment start, Instant now) {
    Enrolment e = start;
    JourneyDefinition d = journeys.definition(e.journeyId(), e.version());
    if (d == null) {
      Enrolment ended = e.ended(Enrolment.Status.EXITED, "journey definition v" + e.version() + " is gone", now);
      store.update(ended);
      return ended;
    }
    for (int i = 0; i <= d.steps().size(); i++) {
      Step step = d.step(e.stepId());
      Enrolment next;
      try {
        next = run(d, step, e, now);
      } catch (RuntimeException failure) {
        next = new Enrolment(e.journeyId(), e.version(), e.person(), e.entry(), e.stepId(), Enrolment.Status.ACTIVE,
            false, now.plus(RETRY_AFTER), e.enteredAt(), now, "step " + step.id() + " failed: " + failure);
        store.update(next);
        return next;
      }
      boolean stops = next.status() != Enrolment.Status.ACTIVE || next.waiting();
      if ((stops || hasSideEffect(step)) && !store.update(next)) {
        return next; // ended meanwhile (an exit condition on another thread)
      }
      e = next;
      if (e.status() != Enrolment.Status.ACTIVE || e.waiting()) {
        return e;
      }
    }
    return e; // validation forbids cycles without a wait, so this is not reached; the next tick would go on
  }

  private static boolean hasSideEffect(Step step) {
    return step instanceof Step.Send || step instanceof Step.GrantCoupon || step instanceof Step.UpdateTrait;
  }

  private Enrolment run(JourneyDefinition d, Step step, Enrolment e, Instant now) {
    if (step instanceof Step.Wait w) {
      if (e.waiting()) {
        return e.at(w.next(), now);
      }
      return e.waitingUntil(wakeTime(d, w, e.person(), now), now);
    }
    if (step instanceof Step.Branch b) {
      return e.at(b.condition().test(facts, e.person(), e.enteredAt(), now) ? b.yes() : b.no(), now);
    }
    if (step instanceof Step.Split s) {
      return e.at(arm(d.id(), s, e.person()).next(), now);
    }
    if (step instanceof Step.Send s) {
      actions.send(e.person(), e.key(s.id()), s.spec());
      return e.at(s.next(), now);
    }
    if (step instanceof Step.GrantCoupon c) {
      actions.grantCoupon(e.person(), e.key(c.id()), c.poolId());
      return e.at(c.next(), now);
    }
    if (step instanceof Step.UpdateTrait t) {
      actions.updateTrait(e.person(), e.key(t.id()), t.trait(), t.value());
      return e.at(t.next(), now);
    }
    return e.ended(Enrolment.Status.COMPLETED, "exit step " + step.id(), now);
  }

  /** When a wait that starts at {@code now} ends, in the person's zone (else the journey's) for a time of day. */
  Instant wakeTime(JourneyDefinition d, Step.Wait w, PersonId person, Instant now) {
    Instant t = w.duration() == null ? now : now.plus(w.duration());
    if (w.until() == null) {
      return t;
    }
    ZoneId zone = facts.zone(person).orElse(d.zone());
    ZonedDateTime local = t.atZone(zone);
    ZonedDateTime candidate = ZonedDateTime.of(local.toLocalDate(), w.until(), zone);
    if (candidate.isBefore(local)) {
      candidate = ZonedDateTime.of(local.toLocalDate().plusDays(1), w.until(), zone);
    }
    return candidate.toInstant();
  }

  /** The arm of a split the person takes: deterministic in (journey, step, person), distributed by the weights. */
  public static Step.Arm arm(String journeyId, Step.Split split, PersonId person) {
    double total = 0;
    for (Step.Arm a : split.arms()) {
      total += a.weight();
    }
    double u = unit(journeyId + "\u0000" + split.id() + "\u0000" + person.value()) * total;
    double sum = 0;
    for (Step.Arm a : split.arms()) {
      sum += a.weight();
      if (u < sum) {
        return a;
      }
    }
    return split.arms().get(split.arms().size() - 1);
  }

  private static double unit(String text) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      long bits = 0;
      for (int i = 0; i < 8; i++) {
        bits = (bits << 8) | (h[i] & 0xff);
      }
      return (bits >>> 11) * 0x1.0p-53;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
