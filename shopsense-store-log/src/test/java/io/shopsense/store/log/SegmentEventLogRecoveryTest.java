package io.shopsense.store.log;

import static io.shopsense.store.contract.Envelopes.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.collect.AppendResult;
import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.id.MessageId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening after crashes and damage: torn tails are cut, anything else fails loudly with file and offset. */
class SegmentEventLogRecoveryTest {

  private static final SegmentLogSettings SETTINGS = SegmentLogSettings.defaults();

  @TempDir
  Path dir;

  @Test
  void cutsAHalfWrittenLastRecordAndContinuesAfterTheLastIntactOne() throws IOException {
    writeEvents(10);
    Path segment = SegmentFiles.segments(dir).get(0);
    List<Long> frames = SegmentFiles.frameOffsets(segment);
    SegmentFiles.truncate(segment, frames.get(9) + 30);

    try (SegmentEventLog log = SegmentEventLog.open(dir, SETTINGS)) {
      assertThat(log.count()).isEqualTo(9);
      assertThat(log.lastSeq()).isEqualTo(9);
      assertThat(Files.size(segment)).isEqualTo(frames.get(9));
      AppendResult next = log.append(List.of(track("m9", "a", null))).get(0);
      assertThat(next).isEqualTo(AppendResult.stored(10));
    }
    try (SegmentEventLog log = SegmentEventLog.open(dir, SETTINGS)) {
      assertThat(ids(log.readAfter(0, 100))).containsExactlyElementsOf(expectedIds(10));
    }
  }

  @Test
  void cutsATailOfHalfAHeaderOrOfZerosOrOfGarbage() throws IOException {
    writeEvents(3);
    Path segment = SegmentFiles.segments(dir).get(0);
    long end = Files.size(segment);

    SegmentFiles.appendBytes(segment, new byte[] {0, 0, 1});
    assertReopensWith(3, end);
    SegmentFiles.appendBytes(segment, new byte[4096]);
    assertReopensWith(3, end);
    byte[] garbage = new byte[300];
    new java.util.Random(7).nextBytes(garbage);
    SegmentFiles.appendBytes(segment, garbage);
    assertReopensWith(3, end);
  }

  @Test
  void cutsALastRecordWhoseCrcFails() throws IOException {
    writeEvents(5);
    Path segment = SegmentFiles.segments(dir).get(0);
    long last = SegmentFiles.frameOffsets(segment).get(4);
    SegmentFiles.flipByte(segment, Files.size(segment) - 3);

    assertReopensWith(4, last);
  }

  @Test
  void refusesToOpenWhenARecordInTheMiddleFailsItsCrc() throws IOException {
    writeEvents(10);
    Path segment = SegmentFiles.segments(dir).get(0);
    long fifth = SegmentFiles.frameOffsets(segment).get(4);
    SegmentFiles.flipByte(segment, fifth + 40);

    assertThatThrownBy(() -> SegmentEventLog.open(dir, SETTINGS))
        .isInstanceOfSatisfying(SegmentCorruptedException.class, e -> {
          assertThat(e.file()).isEqualTo(segment);
          assertThat(e.offset()).isEqualTo(fifth);
        })
        .hasMessageContaining(segment.toString())
        .hasMessageContaining("byte offset " + fifth)
        .hasMessageContaining("CRC mismatch");
    assertThat(Files.size(segment)).as("nothing was cut").isGreaterThan(fifth + 100);
  }

  @Test
  void refusesToOpenWhenALengthInTheMiddleIsDamaged() throws IOException {
    writeEvents(10);
    Path segment = SegmentFiles.segments(dir).get(0);
    long third = SegmentFiles.frameOffsets(segment).get(2);
    SegmentFiles.writeInt(segment, third, 1 << 20);

    assertThatThrownBy(() -> SegmentEventLog.open(dir, SETTINGS))
        .isInstanceOf(SegmentCorruptedException.class)
        .hasMessageContaining("byte offset " + third)
        .hasMessageContaining("an intact record follows");
  }

  @Test
  void refusesToOpenWhenASegmentBeforeTheLastIsDamaged() throws IOException {
    SegmentLogSettings small = new SegmentLogSettings(SegmentLogSettings.MIN_SEGMENT_BYTES, Durability.FSYNC);
    try (SegmentEventLog log = SegmentEventLog.open(dir, small)) {
      for (int i = 0; i < 30; i++) {
        log.append(List.of(track("m" + i, "a", null)));
      }
    }
    List<Path> segments = SegmentFiles.segments(dir);
    assertThat(segments).hasSizeGreaterThan(2);
    Path first = segments.get(0);
    long lastFrame = SegmentFiles.frameOffsets(first).get(SegmentFiles.frameOffsets(first).size() - 1);
    SegmentFiles.flipByte(first, Files.size(first) - 1);

    assertThatThrownBy(() -> SegmentEventLog.open(dir, small))
        .isInstanceOfSatisfying(SegmentCorruptedException.class, e -> assertThat(e.offset()).isEqualTo(lastFrame))
        .hasMessageContaining(first.toString())
        .hasMessageContaining("not the last");
  }

  @Test
  void refusesToOpenWhenASegmentIsMissing() throws IOException {
    SegmentLogSettings small = new SegmentLogSettings(SegmentLogSettings.MIN_SEGMENT_BYTES, Durability.WRITE);
    try (SegmentEventLog log = SegmentEventLog.open(dir, small)) {
      for (int i = 0; i < 30; i++) {
        log.append(List.of(track("m" + i, "a", null)));
      }
    }
    List<Path> segments = SegmentFiles.segments(dir);
    Files.delete(segments.get(1));

    assertThatThrownBy(() -> SegmentEventLog.open(dir, small))
        .isInstanceOf(SegmentCorruptedException.class)
        .hasMessageContaining(segments.get(2).toString())
        .hasMessageContaining("a segment file is missing");
  }

  @Test
  void refusesAFileThatIsNotASegment() throws IOException {
    writeEvents(1);
    Path segment = SegmentFiles.segments(dir).get(0);
    SegmentFiles.writeInt(segment, 0, 0x12345678);

    assertThatThrownBy(() -> SegmentEventLog.open(dir, SETTINGS))
        .isInstanceOf(SegmentCorruptedException.class)
        .hasMessageContaining("bad magic number");
  }

  @Test
  void ignoresASegmentWhoseCreationDidNotFinish() throws IOException {
    writeEvents(2);
    Path temp = Segment.fileFor(dir, 3).resolveSibling(Segment.fileFor(dir, 3).getFileName() + Segment.TEMP_SUFFIX);
    Files.write(temp, new byte[7]);

    assertReopensWith(2, Files.size(SegmentFiles.segments(dir).get(0)));
    assertThat(temp).doesNotExist();
  }

  @Test
  void reportsDamageFoundByAReadAfterOpening() throws IOException {
    writeEvents(3);
    Path segment = SegmentFiles.segments(dir).get(0);
    long second = SegmentFiles.frameOffsets(segment).get(1);
    try (SegmentEventLog log = SegmentEventLog.open(dir, SETTINGS)) {
      SegmentFiles.flipByte(segment, second + 50);

      assertThatThrownBy(() -> log.readAfter(0, 10))
          .isInstanceOf(SegmentCorruptedException.class)
          .hasMessageContaining("byte offset " + second);
      assertThat(log.readAfter(2, 10)).hasSize(1);
    }
  }

  private void assertReopensWith(long count, long segmentSize) throws IOException {
    try (SegmentEventLog log = SegmentEventLog.open(dir, SETTINGS)) {
      assertThat(log.count()).isEqualTo(count);
      assertThat(Files.size(SegmentFiles.segments(dir).get(0))).isEqualTo(segmentSize);
      assertThat(ids(log.readAfter(0, 100))).containsExactlyElementsOf(expectedIds((int) count));
      assertThat(log.find(MessageId.of("m0"))).isPresent();
    }
  }

  private void writeEvents(int n) {
    try (SegmentEventLog log = SegmentEventLog.open(dir, SETTINGS)) {
      List<EventEnvelope> batch = IntStream.range(0, n).mapToObj(i -> track("m" + i, "a", null)).toList();
      log.append(batch);
    }
  }

  private static List<String> expectedIds(int n) {
    return IntStream.range(0, n).mapToObj(i -> "m" + i).toList();
  }

  private static List<String> ids(List<StoredEvent> events) {
    return events.stream().map(e -> e.envelope().messageId().value()).toList();
  }
}
