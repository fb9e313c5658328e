package io.shopsense.store.log;

import static io.shopsense.store.contract.Envelopes.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.collect.AppendResult;
import io.shopsense.api.collect.ErasedEvents;
import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.event.EventType;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.UserId;
import io.shopsense.store.contract.Envelopes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure and retention in the segment files themselves: the erased person's identifiers are in no byte of the log
 * directory, a crash between two segment rewrites leaves a log that opens, readers racing an erasure never fail, and
 * retention deletes whole old segments.
 */
class SegmentEventLogErasureTest {

  private static final String ANONYMOUS = "anon-7f3a9c-erase-me";
  private static final String USER = "user-jane.doe@example.com";
  private static final SegmentLogSettings SMALL = new SegmentLogSettings(4096, Durability.WRITE);

  @TempDir
  Path dir;

  /** 200 events of others with 30 of the person spread among them, the person's ids in the JSON too. */
  private static List<EventEnvelope> mixedEvents() {
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      events.add(track("other-" + i, "anon-other-" + (i % 7), i % 3 == 0 ? "user-other-" + (i % 5) : null));
      if (i % 7 == 0) {
        events.add(personEvent("pm-" + i, i % 2 == 0 ? ANONYMOUS : null, i % 2 == 0 ? null : USER));
      }
    }
    events.add(new EventEnvelope(MessageId.of("pm-alias"), EventType.ALIAS, "alias", null, UserId.of("user-new-id"),
        ANONYMOUS, Envelopes.T0, Envelopes.T0, Envelopes.SOURCE, Envelopes.json("pm-alias", "alias", "{}")));
    events.add(track("other-last", "anon-other-1", null));
    return events;
  }

  private static EventEnvelope personEvent(String id, String anonymous, String user) {
    byte[] json = ("{\"messageId\":\"" + id + "\",\"anonymousId\":\"" + anonymous + "\",\"userId\":\"" + user
        + "\",\"traits\":{\"email\":\"" + USER + "\"}}").getBytes(StandardCharsets.UTF_8);
    return new EventEnvelope(MessageId.of(id), EventType.TRACK, "Product Viewed",
        anonymous == null ? null : AnonymousId.of(anonymous), user == null ? null : UserId.of(user), null,
        Envelopes.T0, Envelopes.T0, Envelopes.SOURCE, json);
  }

  @Test
  void leavesNoByteOfTheErasedPersonInAnyFileOfTheLog() {
    try (SegmentEventLog log = SegmentEventLog.open(dir, SMALL)) {
      log.append(mixedEvents());
      assertThat(SegmentFiles.segments(dir)).hasSizeGreaterThan(3);
      assertThat(filesContaining(dir, ANONYMOUS)).isNotEmpty();

      ErasedEvents erased = log.erase(List.of(AnonymousId.of(ANONYMOUS)), List.of(UserId.of(USER)));

      assertThat(erased.events()).isEqualTo(30);
      for (String secret : List.of(ANONYMOUS, USER, "pm-7", "pm-alias")) {
        assertThat(filesContaining(dir, secret)).as(secret).isEmpty();
      }
      assertThat(filesContaining(dir, "other-199")).isNotEmpty();
      // the in-memory identity index no longer points at the erased records either
      assertThat(log.readByIdentity(List.of(AnonymousId.of(ANONYMOUS)), List.of(UserId.of(USER)), 0, 100))
          .isEmpty();
    }
    try (SegmentEventLog reopened = SegmentEventLog.open(dir, SMALL)) {
      assertThat(reopened.count()).isEqualTo(201);
      assertThat(reopened.readAfter(0, 1000)).hasSize(201)
          .noneMatch(e -> e.envelope().messageId().value().startsWith("pm-"));
    }
  }

  @Test
  void aCrashBetweenTwoSegmentRewritesLeavesALogThatOpensAndErasingAgainFinishes() throws IOException {
    Path before = dir.resolve("before");
    Path after = dir.resolve("after");
    List<StoredEvent> original;
    try (SegmentEventLog log = SegmentEventLog.open(before, SMALL)) {
      log.append(mixedEvents());
      original = log.readAfter(0, 1000);
    }
    copy(before, after);
    try (SegmentEventLog log = SegmentEventLog.open(after, SMALL)) {
      log.erase(List.of(AnonymousId.of(ANONYMOUS)), List.of(UserId.of(USER)));
    }
    // the crash: the first segment was renamed into place, the second one was being written, the rest untouched
    List<Path> segments = SegmentFiles.segments(before);
    Files.copy(after.resolve(segments.get(0).getFileName()), segments.get(0), StandardCopyOption.REPLACE_EXISTING);
    Path torn = Segment.tempFor(segments.get(1));
    Files.writeString(torn, "half a rewritten segment");

    try (SegmentEventLog log = SegmentEventLog.open(before, SMALL)) {
      assertThat(torn).doesNotExist();
      List<StoredEvent> read = log.readAfter(0, 1000);
      assertThat(read).extracting(StoredEvent::seq).isSubsetOf(original.stream().map(StoredEvent::seq).toList());
      assertThat(read).filteredOn(e -> e.envelope().messageId().value().startsWith("other-")).hasSize(201);

      log.erase(List.of(AnonymousId.of(ANONYMOUS)), List.of(UserId.of(USER)));

      assertThat(log.readAfter(0, 1000)).hasSize(201);
    }
    assertThat(filesContaining(before, ANONYMOUS)).isEmpty();
    assertThat(filesContaining(before, USER)).isEmpty();
  }

  @Test
  void readersAndWritersRacingErasuresNeverFail() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try (SegmentEventLog log = SegmentEventLog.open(dir, SMALL)) {
      log.append(mixedEvents());
      AtomicBoolean done = new AtomicBoolean();
      Future<Integer> reader = pool.submit(() -> {
        int reads = 0;
        while (!done.get()) {
          List<StoredEvent> all = log.readAfter(0, 10_000);
          assertThat(all).extracting(StoredEvent::seq).isSorted();
          assertThat(log.find(MessageId.of("other-3"))).isPresent(); // anon-other-3 is never erased
          reads++;
        }
        return reads;
      });
      Future<?> writer = pool.submit(() -> {
        for (int i = 0; i < 200; i++) {
          List<AppendResult> r = log.append(List.of(track("new-" + i, "anon-new-" + (i % 10), null)));
          assertThat(r.get(0).outcome()).isEqualTo(AppendResult.Outcome.STORED);
        }
      });
      for (int p = 0; p < 10; p++) {
        log.erase(List.of(AnonymousId.of("anon-new-" + p), AnonymousId.of("anon-other-" + (p % 3))), List.of());
      }
      writer.get();
      done.set(true);
      assertThat(reader.get()).isPositive();
      log.erase(List.of(AnonymousId.of("anon-new-" + 0)), List.of());
      assertThat(log.readByIdentity(List.of(AnonymousId.of("anon-new-0")), List.of(), 0, 100)).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void retentionDeletesWholeOldSegmentsOnlyAndTheLogReopensAfterThem() {
    Instant old = Envelopes.T0.minus(Duration.ofDays(900));
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      events.add(track("old-" + i, "anon-" + i, null, old.plusSeconds(i)));
    }
    for (int i = 0; i < 100; i++) {
      events.add(track("new-" + i, "anon-" + i, null, Envelopes.T0.plusSeconds(i)));
    }
    long firstNewSeq;
    try (SegmentEventLog log = SegmentEventLog.open(dir, SMALL)) {
      log.append(events);
      firstNewSeq = log.find(MessageId.of("new-0")).orElseThrow().seq();
      int segmentsBefore = SegmentFiles.segments(dir).size();

      ErasedEvents deleted = log.deleteBefore(Envelopes.T0);

      assertThat(deleted.events()).isPositive().isLessThanOrEqualTo(100);
      assertThat(deleted.files()).hasSize(segmentsBefore - SegmentFiles.segments(dir).size());
      assertThat(log.count()).isEqualTo(200 - deleted.events());
      assertThat(log.find(MessageId.of("old-0"))).isEmpty();
      assertThat(log.find(MessageId.of("new-0"))).isPresent();
      // the segment that holds the last old and the first new events stays whole
      assertThat(log.find(MessageId.of("old-99"))).isPresent();
    }
    try (SegmentEventLog log = SegmentEventLog.open(dir, SMALL)) {
      assertThat(log.readAfter(0, 1000)).extracting(e -> e.envelope().messageId().value()).contains("new-0", "new-99")
          .doesNotContain("old-0");
      assertThat(log.readAfter(0, 1).get(0).seq()).isGreaterThan(1);
      assertThat(log.append(List.of(track("after", "anon-x", null))).get(0).seq()).isEqualTo(201);
      assertThat(log.find(MessageId.of("new-0")).orElseThrow().seq()).isEqualTo(firstNewSeq);
    }
  }

  /** The files under {@code root} whose bytes contain the UTF-8 bytes of {@code text}. */
  static List<Path> filesContaining(Path root, String text) {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(f -> contains(read(f), needle)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (SegmentFiles.segments(from).contains(f)) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
  }
}
