package io.shopsense.store.contract;

import static io.shopsense.store.contract.Envelopes.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.collect.AppendResult;
import io.shopsense.api.collect.AppendResult.Outcome;
import io.shopsense.api.collect.ErasedEvents;
import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.collect.EventLog;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link EventLog}: every backend's test extends this class. {@link #open()} gives a log over the
 * backend's storage for this test (empty at the first call of a test); {@link #reopen(EventLog)} closes the log and
 * opens the same storage again, as a restart would.
 */
public abstract class EventLogContract {

  protected EventLog log;

  protected abstract EventLog open() throws Exception;

  protected EventLog reopen(EventLog current) throws Exception {
    current.close();
    return open();
  }

  @BeforeEach
  void openLog() throws Exception {
    log = open();
  }

  @AfterEach
  void closeLog() {
    if (log != null) {
      log.close();
    }
  }

  @Test
  void anEmptyLogHasNothing() {
    assertThat(log.lastSeq()).isZero();
    assertThat(log.count()).isZero();
    assertThat(log.readAfter(0, 10)).isEmpty();
    assertThat(log.find(MessageId.of("none"))).isEmpty();
  }

  @Test
  void storesEventsWithIncreasingSequenceNumbersInAppendOrder() {
    List<AppendResult> results = log.append(List.of(track("m1", "a1", null), track("m2", "a1", null),
        track("m3", null, "u1")));

    assertThat(results).extracting(AppendResult::outcome).containsOnly(Outcome.STORED);
    assertThat(results.get(0).seq()).isPositive();
    assertThat(results.get(1).seq()).isGreaterThan(results.get(0).seq());
    assertThat(results.get(2).seq()).isGreaterThan(results.get(1).seq());
    assertThat(log.lastSeq()).isEqualTo(results.get(2).seq());
    assertThat(log.count()).isEqualTo(3);
    assertThat(log.readAfter(0, 10)).extracting(e -> e.envelope().messageId().value())
        .containsExactly("m1", "m2", "m3");
  }

  @Test
  void keepsEveryFieldOfTheEnvelopeAndTheJsonBytesExactly() {
    EventEnvelope alias = Envelopes.alias("m-alias", "anon-7", "user-7");
    EventEnvelope viewed = track("m-view", "anon-7", "user-7");
    log.append(List.of(alias, viewed));

    StoredEvent stored = log.find(MessageId.of("m-alias")).orElseThrow();
    assertSameEnvelope(stored.envelope(), alias);
    assertSameEnvelope(log.readAfter(0, 10).get(1).envelope(), viewed);
  }

  @Test
  void storesARetriedMessageOnceAndReportsTheStoredSequenceNumber() {
    long first = log.append(List.of(track("m1", "a1", null))).get(0).seq();

    List<AppendResult> retry = log.append(List.of(track("m1", "a1", null), track("m2", "a1", null)));

    assertThat(retry.get(0)).isEqualTo(AppendResult.duplicate(first));
    assertThat(retry.get(1).outcome()).isEqualTo(Outcome.STORED);
    assertThat(log.count()).isEqualTo(2);
  }

  @Test
  void storesAMessageRepeatedWithinOneAppendOnce() {
    List<AppendResult> results = log.append(List.of(track("m1", "a1", null), track("m1", "a1", null)));

    assertThat(results.get(0).outcome()).isEqualTo(Outcome.STORED);
    assertThat(results.get(1)).isEqualTo(AppendResult.duplicate(results.get(0).seq()));
    assertThat(log.count()).isEqualTo(1);
  }

  @Test
  void readsInPagesAfterASequenceNumber() {
    List<EventEnvelope> batch = IntStream.range(0, 25).mapToObj(i -> track("m" + i, "a", null)).toList();
    log.append(batch);

    List<StoredEvent> first = log.readAfter(0, 10);
    List<StoredEvent> second = log.readAfter(first.get(9).seq(), 10);
    List<StoredEvent> third = log.readAfter(second.get(9).seq(), 10);

    assertThat(first).hasSize(10);
    assertThat(second).hasSize(10);
    assertThat(third).hasSize(5);
    assertThat(log.readAfter(third.get(4).seq(), 10)).isEmpty();
    List<String> ids = new ArrayList<>();
    for (List<StoredEvent> page : List.of(first, second, third)) {
      page.forEach(e -> ids.add(e.envelope().messageId().value()));
    }
    assertThat(ids).containsExactlyElementsOf(batch.stream().map(e -> e.messageId().value()).toList());
  }

  @Test
  void findsTheEventsOfAnIdentityByAnonymousIdUserIdAndAliasPreviousId() {
    log.append(List.of(
        track("m1", "anon-1", null),
        track("m2", "anon-2", null),
        track("m3", "anon-1", "user-1"),
        track("m4", null, "user-2"),
        Envelopes.alias("m5", "anon-9", "user-3"),
        track("m6", "user-1", null)));

    assertThat(ids(log.readByIdentity(Set.of(AnonymousId.of("anon-1")), Set.of(), 0, 100)))
        .containsExactly("m1", "m3");
    assertThat(ids(log.readByIdentity(Set.of(), Set.of(UserId.of("user-1")), 0, 100))).containsExactly("m3");
    assertThat(ids(log.readByIdentity(Set.of(AnonymousId.of("anon-2")), Set.of(UserId.of("user-2")), 0, 100)))
        .containsExactly("m2", "m4");
    // an alias's previous id may have been an anonymous id or a user id
    assertThat(ids(log.readByIdentity(Set.of(AnonymousId.of("anon-9")), Set.of(), 0, 100))).containsExactly("m5");
    assertThat(ids(log.readByIdentity(Set.of(), Set.of(UserId.of("anon-9")), 0, 100))).containsExactly("m5");
    assertThat(ids(log.readByIdentity(Set.of(), Set.of(UserId.of("user-3")), 0, 100))).containsExactly("m5");
    assertThat(log.readByIdentity(Set.of(AnonymousId.of("nobody")), Set.of(), 0, 100)).isEmpty();
  }

  @Test
  void pagesThroughTheEventsOfAnIdentity() {
    List<EventEnvelope> batch = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      batch.add(track("m" + i, i % 3 == 0 ? "wanted" : "other", null));
    }
    log.append(batch);

    List<StoredEvent> first = log.readByIdentity(Set.of(AnonymousId.of("wanted")), Set.of(), 0, 4);
    List<StoredEvent> rest = log.readByIdentity(Set.of(AnonymousId.of("wanted")), Set.of(), first.get(3).seq(), 100);

    assertThat(ids(first)).containsExactly("m0", "m3", "m6", "m9");
    assertThat(ids(rest)).containsExactly("m12", "m15", "m18", "m21", "m24", "m27");
  }

  @Test
  void keepsEverythingAcrossARestartAndStillRecognisesRetries() throws Exception {
    List<EventEnvelope> batch = IntStream.range(0, 50).mapToObj(i -> track("m" + i, "a" + (i % 5), null)).toList();
    log.append(batch);
    long last = log.lastSeq();

    log = reopen(log);

    assertThat(log.count()).isEqualTo(50);
    assertThat(log.lastSeq()).isEqualTo(last);
    assertThat(ids(log.readAfter(0, 100))).containsExactlyElementsOf(ids(batch));
    assertThat(log.append(List.of(track("m7", "a2", null))).get(0).outcome()).isEqualTo(Outcome.DUPLICATE);
    AppendResult next = log.append(List.of(track("m-new", "a1", null))).get(0);
    assertThat(next.outcome()).isEqualTo(Outcome.STORED);
    assertThat(next.seq()).isGreaterThan(last);
    assertThat(ids(log.readByIdentity(Set.of(AnonymousId.of("a1")), Set.of(), 0, 100))).hasSize(11);
  }

  @Test
  void storesLargeEventsWhole() {
    byte[] big = new byte[300_000];
    Arrays.fill(big, (byte) 'x');
    String prefix = "{\"pad\":\"";
    System.arraycopy(prefix.getBytes(StandardCharsets.UTF_8), 0, big, 0, prefix.length());
    big[big.length - 2] = '"';
    big[big.length - 1] = '}';
    log.append(List.of(Envelopes.withJson("big", "a", big)));

    assertThat(log.find(MessageId.of("big")).orElseThrow().envelope().json()).isEqualTo(big);
  }

  @Test
  void concurrentAppendsAreAllStoredOnceInOneOrder() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<AppendResult>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          List<AppendResult> all = new ArrayList<>();
          for (int b = 0; b < 20; b++) {
            List<EventEnvelope> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
              // every thread also sends messages another thread sends: each must be stored exactly once
              batch.add(track(i % 2 == 0 ? "shared-" + b + "-" + i : "t" + thread + "-" + b + "-" + i, "a", null));
            }
            all.addAll(log.append(batch));
          }
          return all;
        }));
      }
      List<Long> storedSeqs = new ArrayList<>();
      for (Future<List<AppendResult>> f : futures) {
        for (AppendResult r : f.get()) {
          if (r.outcome() == Outcome.STORED) {
            storedSeqs.add(r.seq());
          }
        }
      }
      long expected = 8L * 20 * 5 + 20 * 5; // each thread's own messages plus one copy of each shared one
      assertThat(storedSeqs).hasSize((int) expected).doesNotHaveDuplicates();
      assertThat(log.count()).isEqualTo(expected);
      List<StoredEvent> all = log.readAfter(0, 10_000);
      assertThat(all).hasSize((int) expected);
      assertThat(all).extracting(StoredEvent::seq).isSorted().doesNotHaveDuplicates();
      Collections.sort(storedSeqs);
      assertThat(all).extracting(StoredEvent::seq).containsExactlyElementsOf(storedSeqs);
      assertThat(all).extracting(e -> e.envelope().messageId()).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void wakesAWaitingConsumerWhenAnEventArrives() throws Exception {
    assertThat(log.awaitAfter(0, Duration.ofMillis(50))).isFalse();
    Thread writer = new Thread(() -> {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      log.append(List.of(track("late", "a", null)));
    });
    writer.start();

    assertThat(log.awaitAfter(0, Duration.ofSeconds(10))).isTrue();
    writer.join();
    assertThat(log.awaitAfter(log.lastSeq(), Duration.ofMillis(20))).isFalse();
  }

  // ---- erasure (issue 4): a data subject's events leave the log, the others keep their numbers ----

  /** Events of person P (anonymous a-p, user u-p, an alias from a-p), of another person, and a mixed log. */
  private List<AppendResult> appendTwoPersons() {
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      events.add(track("other-" + i, "a-other", i % 2 == 0 ? null : "u-other"));
      if (i % 3 == 0) {
        events.add(track("p-anon-" + i, "a-p", null));
      }
      if (i % 5 == 0) {
        events.add(track("p-user-" + i, null, "u-p"));
      }
    }
    events.add(Envelopes.alias("p-alias", "a-p", "u-p2"));
    events.add(track("other-last", "a-other", null));
    return log.append(events);
  }

  private static boolean ofPersonP(StoredEvent e) {
    return e.envelope().messageId().value().startsWith("p-");
  }

  @Test
  void erasesEveryEventOfAPersonAndKeepsTheOthersWithTheirNumbers() {
    appendTwoPersons();
    List<StoredEvent> before = log.readAfter(0, 1000);
    long personEvents = before.stream().filter(EventLogContract::ofPersonP).count();
    long lastSeq = log.lastSeq();

    ErasedEvents erased = log.erase(List.of(AnonymousId.of("a-p")), List.of(UserId.of("u-p")));

    assertThat(erased.events()).isEqualTo(personEvents);
    assertThat(erased.bytesRewritten()).isPositive();
    assertThat(erased.files()).isNotEmpty();
    List<StoredEvent> after = log.readAfter(0, 1000);
    assertThat(after).noneMatch(EventLogContract::ofPersonP);
    List<StoredEvent> others = before.stream().filter(e -> !ofPersonP(e)).toList();
    assertThat(after).extracting(StoredEvent::seq).containsExactlyElementsOf(others.stream().map(StoredEvent::seq)
        .toList());
    for (int i = 0; i < others.size(); i++) {
      assertSameEnvelope(after.get(i).envelope(), others.get(i).envelope());
    }
    assertThat(log.count()).isEqualTo(before.size() - personEvents);
    assertThat(log.lastSeq()).isEqualTo(lastSeq);
    assertThat(log.find(MessageId.of("p-anon-3"))).isEmpty();
    assertThat(log.find(MessageId.of("p-alias"))).isEmpty();
    assertThat(log.find(MessageId.of("other-3"))).isPresent();
    assertThat(log.readByIdentity(List.of(AnonymousId.of("a-p")), List.of(UserId.of("u-p")), 0, 100)).isEmpty();
    assertThat(log.readByIdentity(List.of(AnonymousId.of("a-other")), List.of(), 0, 100)).hasSize(31);
  }

  @Test
  void erasureIsIdempotentAndFindsNothingForUnknownPersons() {
    appendTwoPersons();
    assertThat(log.erase(List.of(AnonymousId.of("a-p")), List.of(UserId.of("u-p"))).events()).isPositive();

    assertThat(log.erase(List.of(AnonymousId.of("a-p")), List.of(UserId.of("u-p")))).isEqualTo(ErasedEvents.none());
    assertThat(log.erase(List.of(AnonymousId.of("nobody")), List.of())).isEqualTo(ErasedEvents.none());
    assertThat(log.erase(List.of(), List.of())).isEqualTo(ErasedEvents.none());
  }

  @Test
  void aRetriedCopyOfAnErasedEventIsADuplicateAndNotStoredAgain() throws Exception {
    List<AppendResult> stored = appendTwoPersons();
    log.erase(List.of(AnonymousId.of("a-p")), List.of());
    long count = log.count();

    List<AppendResult> retried = log.append(List.of(track("p-anon-0", "a-p", null)));

    assertThat(retried).containsExactly(AppendResult.duplicate(stored.get(1).seq()));
    assertThat(log.count()).isEqualTo(count);
    log = reopen(log);
    assertThat(log.append(List.of(track("p-anon-0", "a-p", null)))).containsExactly(
        AppendResult.duplicate(stored.get(1).seq()));
    assertThat(log.count()).isEqualTo(count);
  }

  @Test
  void anErasureLastsAcrossARestart() throws Exception {
    appendTwoPersons();
    log.erase(List.of(AnonymousId.of("a-p")), List.of(UserId.of("u-p")));
    List<StoredEvent> after = log.readAfter(0, 1000);
    long count = log.count();

    log = reopen(log);

    assertThat(log.readAfter(0, 1000)).extracting(StoredEvent::seq)
        .containsExactlyElementsOf(after.stream().map(StoredEvent::seq).toList());
    assertThat(log.count()).isEqualTo(count);
    assertThat(log.readByIdentity(List.of(AnonymousId.of("a-p")), List.of(UserId.of("u-p")), 0, 100)).isEmpty();
  }

  @Test
  void aConsumerFollowingTheLogGoesOnAfterAnErasure() {
    appendTwoPersons();
    long cursor = log.readAfter(0, 20).get(19).seq();
    long last = log.lastSeq();
    // the newest event is the person's: its number stays taken
    log.append(List.of(track("p-newest", "a-p", null)));
    log.erase(List.of(AnonymousId.of("a-p")), List.of(UserId.of("u-p")));

    List<AppendResult> more = log.append(List.of(track("later", "a-other", null)));

    assertThat(more.get(0).seq()).isGreaterThan(last + 1);
    List<StoredEvent> read = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    for (List<StoredEvent> page = log.readAfter(cursor, 3); !page.isEmpty();
        page = log.readAfter(page.get(page.size() - 1).seq(), 3)) {
      pageSizes.add(page.size());
      read.addAll(page);
    }
    // pages skip the erased numbers and are full until the end
    assertThat(pageSizes.subList(0, pageSizes.size() - 1)).containsOnly(3);
    assertThat(read).noneMatch(EventLogContract::ofPersonP);
    assertThat(read.get(read.size() - 1).envelope().messageId().value()).isEqualTo("later");
    assertThat(read).extracting(StoredEvent::seq).isSorted().allMatch(seq -> seq > cursor);
  }

  @Test
  void retentionNeverDeletesEventsAtOrAfterTheCutoff() {
    Instant old = Envelopes.T0.minus(Duration.ofDays(800));
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      events.add(track("old-" + i, "a" + i, null, old.plusSeconds(i)));
    }
    for (int i = 0; i < 40; i++) {
      events.add(track("new-" + i, "a" + i, null, Envelopes.T0.plusSeconds(i)));
    }
    log.append(events);

    ErasedEvents deleted = log.deleteBefore(Envelopes.T0);

    List<StoredEvent> left = log.readAfter(0, 1000);
    assertThat(left).filteredOn(e -> e.envelope().messageId().value().startsWith("new-")).hasSize(40);
    assertThat(left).hasSize(80 - (int) deleted.events());
    assertThat(log.count()).isEqualTo(80 - deleted.events());
    assertThat(left).allMatch(e -> e.envelope().messageId().value().startsWith("new-")
        || e.envelope().timestamp().isBefore(Envelopes.T0));
    assertThat(log.deleteBefore(old)).isEqualTo(ErasedEvents.none());
  }

  private static void assertSameEnvelope(EventEnvelope actual, EventEnvelope expected) {
    assertThat(actual.messageId()).isEqualTo(expected.messageId());
    assertThat(actual.type()).isEqualTo(expected.type());
    assertThat(actual.name()).isEqualTo(expected.name());
    assertThat(actual.anonymousId()).isEqualTo(expected.anonymousId());
    assertThat(actual.userId()).isEqualTo(expected.userId());
    assertThat(actual.previousId()).isEqualTo(expected.previousId());
    assertThat(actual.timestamp()).isEqualTo(expected.timestamp());
    assertThat(actual.receivedAt()).isEqualTo(expected.receivedAt());
    assertThat(actual.source()).isEqualTo(expected.source());
    assertThat(actual.json()).isEqualTo(expected.json());
  }

  private static List<String> ids(List<?> events) {
    return events.stream().map(e -> e instanceof StoredEvent s ? s.envelope().messageId().value()
        : ((EventEnvelope) e).messageId().value()).toList();
  }
}
