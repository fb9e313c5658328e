package io.shopsense.store.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.id.MessageId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a child JVM appends from four threads and reports each acknowledged message id; the test kills it
 * with SIGKILL mid-stream and checks that the reopened log holds every acknowledged event exactly once, with
 * contiguous sequence numbers. Also checks that the directory lock turns away a second process.
 */
class SegmentEventLogCrashIT {

  private static final int ACKS_BEFORE_KILL = 2_000;

  @TempDir
  Path dir;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // guards against a hung child; not a timing assertion
  void keepsEveryAcknowledgedEventOnceWhenTheProcessIsKilled() throws Exception {
    Path logDir = dir.resolve("events");
    Path childErrors = dir.resolve("child-stderr.txt");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), CrashTestAppender.class.getName(),
        logDir.toString(), "4")
        .redirectError(childErrors.toFile())
        .start();
    Map<String, Long> acked = new HashMap<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while (acked.size() < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
        record(line, acked);
      }
      assertThat(acked).as("acks before the child died; its stderr: %s", Files.exists(childErrors)
          ? Files.readString(childErrors) : "").hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
      assertThatThrownBy(() -> SegmentEventLog.open(logDir, SegmentLogSettings.defaults()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another process (pid " + child.pid() + ")");

      // SIGKILL through the handle: Process.destroyForcibly would also close our end of the pipe
      assertThat(child.toHandle().destroyForcibly()).isTrue();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      // acks the child printed before it died are still in the pipe: they count too
      while ((line = out.readLine()) != null) {
        record(line, acked);
      }
    } finally {
      child.destroyForcibly();
    }

    try (SegmentEventLog log = SegmentEventLog.open(logDir, SegmentLogSettings.defaults())) {
      List<StoredEvent> all = log.readAfter(0, Integer.MAX_VALUE);
      assertThat(all).extracting(StoredEvent::seq)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().toList());
      assertThat(all).extracting(e -> e.envelope().messageId().value()).doesNotHaveDuplicates();
      assertThat(log.count()).isEqualTo(all.size()).isGreaterThanOrEqualTo(acked.size());
      for (Map.Entry<String, Long> ack : acked.entrySet()) {
        StoredEvent stored = log.find(MessageId.of(ack.getKey())).orElseThrow(
            () -> new AssertionError("acknowledged event " + ack.getKey() + " is lost"));
        assertThat(stored.seq()).as(ack.getKey()).isEqualTo(ack.getValue());
      }
    }
  }

  /** A line is {@code id;seq}; a line cut by the kill lacks parts and was never a whole acknowledgement. */
  private static void record(String line, Map<String, Long> acked) {
    int semicolon = line.indexOf(';');
    if (semicolon > 0 && semicolon < line.length() - 1) {
      acked.put(line.substring(0, semicolon), Long.parseLong(line.substring(semicolon + 1)));
    }
  }
}
