package io.shopsense.store.contract.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.journey.Enrolment;
import io.shopsense.api.journey.JourneyActions;
import io.shopsense.api.journey.JourneyStore;
import io.shopsense.api.journey.PersonFacts;
import io.shopsense.api.journey.SendKey;
import io.shopsense.api.journey.SendSpec;
import io.shopsense.api.journey.StoredJourney;
import io.shopsense.core.campaign.journey.JourneyEngine;
import io.shopsense.core.campaign.journey.JourneyRepository;
import io.shopsense.core.campaign.journey.JourneySignal;
import io.shopsense.core.campaign.journey.ReadyMadeJourneys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link JourneyStore}. {@link #open()} gives the port over the backend's storage for this test
 * (empty at the first call of a test, the same storage at later calls); {@link #close()} closes what it opened;
 * {@link #reopen()} is a restart.
 *
 * <p>Decided here, where the port leaves it open: instants are kept to the microsecond; an ended enrolment keeps no
 * wake-up time; {@code due} orders by wake-up time; a limit below 1 is an {@link IllegalArgumentException}.
 */
public abstract class JourneyStoreContract {
  protected static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
  protected static final PersonId ANN = PersonId.of("person-ann");
  protected static final PersonId BEN = PersonId.of("person-ben");

  protected JourneyStore store;

  protected abstract JourneyStore open() throws Exception;

  protected abstract void close() throws Exception;

  protected JourneyStore reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openStore() throws Exception {
    store = open();
  }

  @AfterEach
  void closeStore() throws Exception {
    close();
  }

  private static Enrolment enrolment(String journey, PersonId person, int entry, long wakeSecond) {
    Instant wake = T0.plusSeconds(wakeSecond);
    return new Enrolment(journey, 1, person, entry, "start", Enrolment.Status.ACTIVE, false, wake, T0, T0, null);
  }

  @Test
  void savesDefinitionVersionsImmutably() {
    store.saveDefinition(new StoredJourney("cart", 1, "{\"v\":1}", false, T0));
    store.saveDefinition(new StoredJourney("cart", 1, "{\"v\":1}", true, T0.plusSeconds(5)));
    assertThat(store.definition("cart", 1)).contains(new StoredJourney("cart", 1, "{\"v\":1}", false, T0));
    assertThatThrownBy(() -> store.saveDefinition(new StoredJourney("cart", 1, "{\"v\":2}", false, T0)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cart v1 is already saved");
    assertThat(store.definition("cart", 2)).isEmpty();
  }

  @Test
  void listsTheLatestVersionOfEachJourneyAndItsLiveFlag() {
    store.saveDefinition(new StoredJourney("welcome", 1, "{}", true, T0));
    store.saveDefinition(new StoredJourney("cart", 1, "{}", true, T0));
    store.saveDefinition(new StoredJourney("cart", 2, "{\"x\":2}", false, T0));
    assertThat(store.latestDefinitions()).extracting(StoredJourney::journeyId, StoredJourney::version,
        StoredJourney::live).containsExactly(org.assertj.core.groups.Tuple.tuple("cart", 2, false),
        org.assertj.core.groups.Tuple.tuple("welcome", 1, true));
    assertThat(store.setLive("cart", 2, true)).isTrue();
    assertThat(store.setLive("cart", 3, true)).isFalse();
    assertThat(store.definition("cart", 2)).map(StoredJourney::live).contains(true);
  }

  @Test
  void enrolsEachEntryOnce() {
    assertThat(store.enrol(enrolment("cart", ANN, 1, 60))).isTrue();
    assertThat(store.enrol(enrolment("cart", ANN, 1, 90))).isFalse();
    assertThat(store.enrol(enrolment("cart", ANN, 2, 90))).isTrue();
    assertThat(store.enrol(enrolment("welcome", ANN, 1, 90))).isTrue();
    assertThat(store.enrolments("cart", ANN)).extracting(Enrolment::entry).containsExactly(1, 2);
    assertThat(store.enrolments("cart", ANN).get(0)).isEqualTo(enrolment("cart", ANN, 1, 60));
    assertThat(store.enrolments("cart", BEN)).isEmpty();
  }

  @Test
  void racingEnrolmentsOfOneEntryStoreOne() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int wake = i;
        results.add(pool.submit(() -> {
          go.await();
          return store.enrol(enrolment("cart", ANN, 1, wake));
        }));
      }
      go.countDown();
      int stored = 0;
      for (Future<Boolean> f : results) {
        stored += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(stored).isEqualTo(1);
      assertThat(store.enrolments("cart", ANN)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void updatesActiveEnrolmentsAndNeverRevivesEndedOnes() {
    Enrolment e = enrolment("cart", ANN, 1, 0);
    store.enrol(e);
    Enrolment waiting = e.at("pause", T0.plusSeconds(1)).waitingUntil(T0.plus(Duration.ofHours(1)),
        T0.plusSeconds(1));
    assertThat(store.update(waiting)).isTrue();
    assertThat(store.enrolments("cart", ANN)).containsExactly(waiting);
    Enrolment ended = waiting.ended(Enrolment.Status.EXITED, "exit condition: Order Completed", T0.plusSeconds(2));
    assertThat(store.update(ended)).isTrue();
    assertThat(store.update(waiting)).as("an ended enrolment stays ended").isFalse();
    assertThat(store.enrolments("cart", ANN)).containsExactly(ended);
    assertThat(store.update(enrolment("cart", BEN, 1, 0))).as("not enrolled").isFalse();
  }

  @Test
  void listsActiveEnrolmentsOfAPerson() {
    store.enrol(enrolment("cart", ANN, 1, 0));
    store.enrol(enrolment("welcome", ANN, 1, 0));
    store.enrol(enrolment("cart", BEN, 1, 0));
    store.update(enrolment("welcome", ANN, 1, 0).ended(Enrolment.Status.COMPLETED, "exit step x", T0));
    assertThat(store.active(ANN)).extracting(Enrolment::journeyId).containsExactly("cart");
  }

  @Test
  void dueListsActiveEnrolmentsByWakeUpTimeUpToTheLimit() {
    store.enrol(enrolment("a", ANN, 1, 30));
    store.enrol(enrolment("b", ANN, 1, 10));
    store.enrol(enrolment("c", ANN, 1, 20));
    store.enrol(enrolment("d", ANN, 1, 3600));
    store.enrol(enrolment("e", ANN, 1, 5));
    store.update(enrolment("e", ANN, 1, 5).ended(Enrolment.Status.EXITED, "gone", T0));
    assertThat(store.due(T0.plusSeconds(30), 10)).extracting(Enrolment::journeyId).containsExactly("b", "c", "a");
    assertThat(store.due(T0.plusSeconds(30), 2)).extracting(Enrolment::journeyId).containsExactly("b", "c");
    assertThat(store.due(T0, 10)).isEmpty();
    assertThatThrownBy(() -> store.due(T0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsInstantsToTheMicrosecond() {
    Instant fine = T0.plusNanos(123_456_789);
    store.enrol(new Enrolment("cart", 1, ANN, 1, "s", Enrolment.Status.ACTIVE, true, fine, fine, fine, null));
    assertThat(store.enrolments("cart", ANN).get(0).wakeAt()).isEqualTo(T0.plusNanos(123_456_000));
  }

  @Test
  void countsEnrolmentsByStatus() {
    store.enrol(enrolment("cart", ANN, 1, 0));
    store.enrol(enrolment("cart", BEN, 1, 0));
    store.enrol(enrolment("cart", BEN, 2, 0));
    store.update(enrolment("cart", BEN, 1, 0).ended(Enrolment.Status.COMPLETED, "exit step x", T0));
    assertThat(store.countByStatus("cart")).isEqualTo(Map.of(Enrolment.Status.ACTIVE, 2L,
        Enrolment.Status.COMPLETED, 1L));
  }

  @Test
  void erasesEveryEnrolmentOfThePersonAndNothingElse() {
    store.saveDefinition(new StoredJourney("cart", 1, "{}", true, T0));
    store.enrol(enrolment("cart", ANN, 1, 10));
    store.enrol(enrolment("cart", ANN, 2, 20));
    store.enrol(enrolment("welcome", ANN, 1, 30));
    store.update(enrolment("cart", ANN, 1, 10).ended(Enrolment.Status.COMPLETED, "exit step x", T0));
    store.enrol(enrolment("cart", BEN, 1, 40));

    assertThat(store.erase(ANN)).as("ended and active, in every journey").isEqualTo(3);

    assertThat(store.enrolments("cart", ANN)).isEmpty();
    assertThat(store.enrolments("welcome", ANN)).isEmpty();
    assertThat(store.active(ANN)).isEmpty();
    assertThat(store.due(T0.plusSeconds(3600), 10)).extracting(Enrolment::person).containsExactly(BEN);
    assertThat(store.countByStatus("cart")).isEqualTo(Map.of(Enrolment.Status.ACTIVE, 1L));
    assertThat(store.update(enrolment("cart", ANN, 2, 20))).as("an engine holding an erased enrolment").isFalse();
    assertThat(store.enrolments("cart", BEN)).containsExactly(enrolment("cart", BEN, 1, 40));
    assertThat(store.definition("cart", 1)).isPresent();
  }

  @Test
  void erasingIsIdempotent() {
    store.enrol(enrolment("cart", ANN, 1, 10));
    assertThat(store.erase(ANN)).isEqualTo(1);
    assertThat(store.erase(ANN)).isZero();
    assertThat(store.erase(PersonId.of("person-never-seen"))).isZero();
    assertThat(store.enrolments("cart", ANN)).isEmpty();
  }

  @Test
  void keepsEverythingAcrossARestart() throws Exception {
    store.saveDefinition(new StoredJourney("cart", 1, "{}", true, T0));
    store.enrol(enrolment("cart", ANN, 1, 60));
    store = reopen();
    assertThat(store.latestDefinitions()).hasSize(1);
    assertThat(store.enrolments("cart", ANN)).containsExactly(enrolment("cart", ANN, 1, 60));
  }

  /** The engine on this store: an engine started after a restart sends what the stopped one had scheduled. */
  @Test
  void theEngineResumesFromTheStoreAfterARestart() throws Exception {
    MovingClock clock = new MovingClock(T0);
    Recorded sent = new Recorded();
    JourneyRepository repository = new JourneyRepository(store, clock);
    ReadyMadeJourneys.install(repository, true);
    JourneyEngine engine = new JourneyEngine(repository, store, sent, new NoFacts(), clock, 10);
    engine.onSignal(new JourneySignal.EventSeen(ANN, "Product Added", Map.of(), T0));
    engine.onSignal(new JourneySignal.EventSeen(BEN, "Product Added", Map.of(), T0));
    clock.now = T0.plus(Duration.ofMinutes(30));
    engine.onSignal(new JourneySignal.EventSeen(BEN, "Order Completed", Map.of(), clock.now));

    store = reopen();
    clock.now = T0.plus(Duration.ofHours(1));
    JourneyRepository again = new JourneyRepository(store, clock);
    JourneyEngine restarted = new JourneyEngine(again, store, sent, new NoFacts(), clock, 10);
    assertThat(restarted.tick().advanced()).isEqualTo(1);
    assertThat(sent.keys).containsExactly("cart-abandonment/reminder/person-ann/1");
    assertThat(store.enrolments("cart-abandonment", BEN)).singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(Enrolment.Status.EXITED));
    assertThat(store.enrolments("cart-abandonment", ANN)).singleElement().satisfies(e -> {
      assertThat(e.stepId()).isEqualTo("wait-1d");
      assertThat(e.wakeAt()).isEqualTo(T0.plus(Duration.ofHours(25)));
    });
  }

  private static final class MovingClock extends Clock {
    Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static final class Recorded implements JourneyActions {
    final List<String> keys = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void send(PersonId person, SendKey key, SendSpec spec) {
      keys.add(key.value());
    }

    @Override
    public void grantCoupon(PersonId person, SendKey key, String poolId) {
      keys.add(key.value());
    }

    @Override
    public void updateTrait(PersonId person, SendKey key, String trait, String value) {
      keys.add(key.value());
    }
  }

  private static final class NoFacts implements PersonFacts {
    @Override
    public Optional<Object> field(PersonId person, String name) {
      return Optional.empty();
    }

    @Override
    public Optional<Object> trait(PersonId person, String name) {
      return Optional.empty();
    }

    @Override
    public boolean eventSince(PersonId person, String eventName, Instant since) {
      return false;
    }

    @Override
    public Optional<ZoneId> zone(PersonId person) {
      return Optional.empty();
    }
  }
}
