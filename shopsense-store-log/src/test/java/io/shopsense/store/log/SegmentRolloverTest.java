package io.shopsense.store.log;

import static io.shopsense.store.contract.Envelopes.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.UserId;
import io.shopsense.store.contract.Envelopes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segments roll at the configured size, are named by their first sequence number, and reads cross them. */
class SegmentRolloverTest {

  private static final SegmentLogSettings SMALL = new SegmentLogSettings(2048, Durability.FSYNC);

  @TempDir
  Path dir;

  @Test
  void rollsAtTheSegmentSizeAndNamesEachSegmentByItsFirstSequenceNumber() throws IOException {
    try (SegmentEventLog log = SegmentEventLog.open(dir, SMALL)) {
      appendInBatches(log, 200, 7);

      List<Path> segments = SegmentFiles.segments(dir);
      assertThat(segments).hasSizeGreaterThan(10);
      long expectedFirst = 1;
      for (Path segment : segments) {
        assertThat(segment.getFileName().toString()).isEqualTo(String.format("segment-%020d.log", expectedFirst));
        assertThat(Files.size(segment)).isLessThanOrEqualTo(SMALL.segmentBytes());
        expectedFirst += SegmentFiles.frameOffsets(segment).size();
      }
      assertThat(expectedFirst).isEqualTo(201);
    }
  }

  @Test
  void readsPagesAndIdentitiesAcrossSegmentsBeforeAndAfterAReopen() {
    SegmentEventLog log = SegmentEventLog.open(dir, SMALL);
    try {
      appendInBatches(log, 200, 9);
      assertReadsEverything(log);
      log.close();
      log = SegmentEventLog.open(dir, SMALL);
      assertReadsEverything(log);
      appendInBatches(log, 0, 1);
    } finally {
      log.close();
    }
  }

  @Test
  void givesARecordLargerThanASegmentASegmentOfItsOwn() throws IOException {
    byte[] big = Envelopes.json("big", "track", "\"" + "x".repeat(10_000) + "\"");
    try (SegmentEventLog log = SegmentEventLog.open(dir, SMALL)) {
      log.append(List.of(track("before", "a", null), Envelopes.withJson("big", "a", big), track("after", "a", null)));

      assertThat(log.find(MessageId.of("big")).orElseThrow().envelope().json()).isEqualTo(big);
      assertThat(SegmentFiles.segments(dir)).hasSize(3);
    }
    try (SegmentEventLog log = SegmentEventLog.open(dir, SMALL)) {
      assertThat(log.readAfter(0, 10)).extracting(e -> e.envelope().messageId().value())
          .containsExactly("before", "big", "after");
    }
  }

  private static void assertReadsEverything(SegmentEventLog log) {
    assertThat(log.count()).isEqualTo(200);
    List<StoredEvent> all = new ArrayList<>();
    for (List<StoredEvent> page = log.readAfter(0, 13); !page.isEmpty();
        page = log.readAfter(page.get(page.size() - 1).seq(), 13)) {
      all.addAll(page);
    }
    assertThat(all).extracting(StoredEvent::seq).containsExactlyElementsOf(
        java.util.stream.LongStream.rangeClosed(1, 200).boxed().toList());
    assertThat(all.get(150).envelope().messageId().value()).isEqualTo("m150");

    List<StoredEvent> visitor3 = log.readByIdentity(Set.of(AnonymousId.of("a3")), Set.of(), 0, 1000);
    assertThat(visitor3).extracting(e -> e.envelope().messageId().value())
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 200).filter(i -> i % 10 == 3)
            .mapToObj(i -> "m" + i).toList());
    List<StoredEvent> page = log.readByIdentity(Set.of(AnonymousId.of("a3")), Set.of(UserId.of("u7")), 100, 5);
    assertThat(page).extracting(e -> e.envelope().messageId().value())
        .containsExactly("m103", "m107", "m113", "m117", "m123");
  }

  /** Events m0.. with anonymous id a(i % 10) and, for every odd one, user id u(i % 10). */
  private static void appendInBatches(SegmentEventLog log, int n, int batchSize) {
    for (int start = 0; start < n; start += batchSize) {
      List<EventEnvelope> batch = new ArrayList<>();
      for (int i = start; i < Math.min(n, start + batchSize); i++) {
        batch.add(track("m" + i, "a" + (i % 10), i % 2 == 1 ? "u" + (i % 10) : null));
      }
      log.append(batch);
    }
  }
}
