package io.shopsense.store.contract.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.journey.BroadcastStore;
import io.shopsense.api.journey.SendSpec;
import io.shopsense.api.journey.StoredBroadcast;
import io.shopsense.api.journey.StoredBroadcast.Counts;
import io.shopsense.api.journey.StoredBroadcast.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link BroadcastStore}. {@link #open()} gives the port over empty storage for this test;
 * {@link #close()} closes it.
 *
 * <p>Decided here, where the port leaves it open: instants and the local send time are kept to the microsecond;
 * {@code due} breaks ties of run time by id; {@code list} breaks ties of creation time by id, descending; a limit
 * below 1 is an {@link IllegalArgumentException}; an update replaces every field of the stored broadcast.
 */
public abstract class BroadcastStoreContract {
  protected static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  protected static final SendSpec SPEC = new SendSpec("email", "spring-sale", "promotional", "sales", 5);

  protected BroadcastStore store;

  protected abstract BroadcastStore open() throws Exception;

  protected abstract void close() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = open();
  }

  @AfterEach
  void closeStore() throws Exception {
    close();
  }

  /** A scheduled broadcast created at T0 plus {@code createdSecond}, running at T0 plus {@code runSecond}. */
  protected static StoredBroadcast scheduled(String id, long runSecond, long createdSecond) {
    return new StoredBroadcast(id, "Broadcast " + id, "vip", SPEC, LocalDate.of(2026, 11, 21), LocalTime.of(9, 30),
        ZoneId.of("Europe/Berlin"), Status.SCHEDULED, T0.plusSeconds(runSecond), Counts.NONE,
        T0.plusSeconds(createdSecond), T0.plusSeconds(createdSecond));
  }

  @Test
  void createsABroadcastAndReadsItBackWhole() {
    StoredBroadcast b = new StoredBroadcast("singles-day", "双十一 大促 — VIP", "segment:vip-cn",
        new SendSpec("preferred", "双十一-promo", "promotional", "促销", -3), LocalDate.of(2026, 11, 11),
        LocalTime.of(20, 0, 15, 123_456_000), ZoneId.of("Asia/Shanghai"), Status.SCHEDULED,
        Instant.parse("2026-11-11T04:00:00.123456Z"), new Counts(1, 2, 3, 4), T0, T0.plusNanos(1_000));

    assertThat(store.create(b)).isTrue();

    assertThat(store.find("singles-day")).contains(b);
  }

  @Test
  void keepsANullTopicAndTheOffsetZone() {
    StoredBroadcast b = new StoredBroadcast("no-topic", null, "all", new SendSpec("sms", "t", "service", null, 0),
        LocalDate.of(2027, 1, 1), LocalTime.MIDNIGHT, ZoneId.of("+05:30"), Status.SCHEDULED, T0, null, T0, T0);
    store.create(b);

    StoredBroadcast read = store.find("no-topic").orElseThrow();
    assertThat(read.spec().topic()).isNull();
    assertThat(read.name()).isEqualTo("no-topic");
    assertThat(read.fallbackZone()).isEqualTo(ZoneId.of("+05:30"));
    assertThat(read).isEqualTo(b);
  }

  @Test
  void keepsInstantsAndTheLocalTimeToTheMicrosecond() {
    StoredBroadcast b = new StoredBroadcast("precise", "p", "vip", SPEC, LocalDate.of(2026, 11, 21),
        LocalTime.of(9, 30, 0, 123_456_789), ZoneId.of("UTC"), Status.SCHEDULED, T0.plusNanos(999_999_999),
        Counts.NONE, T0.plusNanos(1_001), T0.plusNanos(1_999));
    store.create(b);

    StoredBroadcast read = store.find("precise").orElseThrow();
    assertThat(read.localTime()).isEqualTo(LocalTime.of(9, 30, 0, 123_456_000));
    assertThat(read.runAt()).isEqualTo(T0.plusNanos(999_999_000));
    assertThat(read.createdAt()).isEqualTo(T0.plusNanos(1_000));
    assertThat(read.updatedAt()).isEqualTo(T0.plusNanos(1_000));
  }

  @Test
  void findsNothingForAnUnknownId() {
    store.create(scheduled("spring", 60, 0));

    assertThat(store.find("absent")).isEmpty();
    assertThat(store.find("Spring")).isEmpty();
  }

  @Test
  void refusesToCreateAnExistingIdAndKeepsTheFirst() {
    StoredBroadcast first = scheduled("spring", 60, 0);
    assertThat(store.create(first)).isTrue();

    StoredBroadcast other = new StoredBroadcast("spring", "Other", "other-segment", SPEC, LocalDate.of(2027, 1, 1),
        LocalTime.NOON, ZoneId.of("UTC"), Status.RUNNING, T0, new Counts(9, 9, 9, 9), T0, T0);
    assertThat(store.create(other)).isFalse();

    assertThat(store.find("spring")).contains(first);
    assertThat(store.list(10)).containsExactly(first);
  }

  @Test
  void listsNewestFirstUpToTheLimit() {
    store.create(scheduled("a", 0, 10));
    store.create(scheduled("b", 0, 30));
    store.create(scheduled("c", 0, 20));
    store.create(scheduled("d", 0, 30)); // same creation time as b: the greater id first

    assertThat(store.list(10)).extracting(StoredBroadcast::id).containsExactly("d", "b", "c", "a");
    assertThat(store.list(2)).extracting(StoredBroadcast::id).containsExactly("d", "b");
    assertThatThrownBy(() -> store.list(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dueGivesScheduledBroadcastsAtOrBeforeNowEarliestFirst() {
    store.create(scheduled("later", 300, 0));
    store.create(scheduled("second", 120, 1));
    store.create(scheduled("first", 60, 2));
    store.create(scheduled("at-now", 200, 3));
    store.create(scheduled("also-at-now", 200, 4)); // the same run time: by id
    StoredBroadcast running = scheduled("running", 10, 5);
    store.create(running);
    assertThat(store.update(running.with(Status.RUNNING, Counts.NONE, T0), Status.SCHEDULED)).isTrue();
    StoredBroadcast cancelled = scheduled("cancelled", 20, 6);
    store.create(cancelled);
    assertThat(store.update(cancelled.with(Status.CANCELLED, Counts.NONE, T0), Status.SCHEDULED)).isTrue();

    Instant now = T0.plusSeconds(200);
    assertThat(store.due(now, 10)).extracting(StoredBroadcast::id)
        .containsExactly("first", "second", "also-at-now", "at-now");
    assertThat(store.due(now, 2)).extracting(StoredBroadcast::id).containsExactly("first", "second");
    assertThat(store.due(T0.plusSeconds(59), 10)).isEmpty();
    assertThatThrownBy(() -> store.due(now, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void updateIsGuardedByTheStatusItRead() {
    StoredBroadcast created = scheduled("spring", 60, 0);
    store.create(created);
    StoredBroadcast read = store.find("spring").orElseThrow();

    StoredBroadcast started = read.with(Status.RUNNING, Counts.NONE, T0.plusSeconds(60));
    assertThat(store.update(started, Status.SCHEDULED)).isTrue();
    // another node read the same SCHEDULED row: its update must not pass
    StoredBroadcast rival = read.with(Status.RUNNING, new Counts(7, 7, 0, 0), T0.plusSeconds(61));
    assertThat(store.update(rival, Status.SCHEDULED)).isFalse();
    assertThat(store.find("spring")).contains(started);
    assertThat(store.due(T0.plusSeconds(3600), 10)).isEmpty();

    StoredBroadcast progress = started.with(Status.RUNNING, new Counts(100, 80, 15, 5), T0.plusSeconds(90));
    assertThat(store.update(progress, Status.RUNNING)).isTrue();
    StoredBroadcast done = progress.with(Status.DONE, progress.counts().plus(new Counts(10, 10, 0, 0)),
        T0.plusSeconds(120));
    assertThat(store.update(done, Status.RUNNING)).isTrue();
    assertThat(store.update(done.with(Status.CANCELLED, done.counts(), T0.plusSeconds(130)), Status.RUNNING))
        .isFalse();

    StoredBroadcast stored = store.find("spring").orElseThrow();
    assertThat(stored).isEqualTo(done);
    assertThat(stored.counts()).isEqualTo(new Counts(110, 90, 15, 5));
    assertThat(stored.createdAt()).isEqualTo(T0);
    assertThat(stored.updatedAt()).isEqualTo(T0.plusSeconds(120));
  }

  @Test
  void updateReplacesEveryField() {
    StoredBroadcast created = scheduled("spring", 60, 0);
    store.create(created);
    StoredBroadcast edited = new StoredBroadcast("spring", "Renamed", "new-segment",
        new SendSpec("push", "other-template", "service", null, 9), LocalDate.of(2026, 12, 1),
        LocalTime.of(18, 45), ZoneId.of("America/New_York"), Status.SCHEDULED, T0.plusSeconds(999), Counts.NONE,
        T0, T0.plusSeconds(5));

    assertThat(store.update(edited, Status.SCHEDULED)).isTrue();

    assertThat(store.find("spring")).contains(edited);
  }

  @Test
  void updateOfAnUnknownBroadcastIsFalseAndCreatesNothing() {
    assertThat(store.update(scheduled("ghost", 0, 0), Status.SCHEDULED)).isFalse();

    assertThat(store.find("ghost")).isEmpty();
    assertThat(store.list(10)).isEmpty();
  }

  @Test
  void ofNodesRacingToStartOneBroadcastOnlyOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 10; round++) {
        StoredBroadcast b = scheduled("race-" + round, 0, round);
        store.create(b);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> starts = new ArrayList<>();
        for (int node = 0; node < 4; node++) {
          StoredBroadcast mine = b.with(Status.RUNNING, new Counts(node, 0, 0, 0), T0.plusSeconds(node));
          starts.add(pool.submit(() -> {
            start.await();
            return store.update(mine, Status.SCHEDULED);
          }));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> f : starts) {
          won += f.get() ? 1 : 0;
        }
        assertThat(won).as("round %d", round).isEqualTo(1);
        assertThat(store.find(b.id()).orElseThrow().status()).isEqualTo(Status.RUNNING);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
