package io.shopsense.store.log;

import static io.shopsense.store.contract.Envelopes.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.id.MessageId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads from threads that consumers interrupt, and consumers waiting when the log closes. */
class SegmentEventLogReadTest {

  @TempDir
  Path dir;

  @Test
  void anInterruptedReaderNeitherBreaksTheLogNorLosesItsInterrupt() {
    try (SegmentEventLog log = SegmentEventLog.open(dir, SegmentLogSettings.defaults())) {
      log.append(List.of(track("m1", "a", null), track("m2", "a", null)));

      Thread.currentThread().interrupt();
      try {
        assertThat(log.readAfter(0, 10)).hasSize(2);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
      assertThat(log.readAfter(0, 10)).hasSize(2);
      assertThat(log.append(List.of(track("m3", "a", null))).get(0).seq()).isEqualTo(3);
    }
  }

  @Test
  void readersKeepWorkingWhileOneOfThemIsInterruptedOverAndOver() throws Exception {
    try (SegmentEventLog log = SegmentEventLog.open(dir, SegmentLogSettings.defaults())) {
      List<EventEnvelope> batch = IntStream.range(0, 50).mapToObj(i -> track("m" + i, "a", null)).toList();
      log.append(batch);
      AtomicBoolean done = new AtomicBoolean();
      CompletableFuture<Integer> reads = CompletableFuture.supplyAsync(() -> {
        int good = 0;
        for (int i = 0; i < 2000; i++) {
          if (log.readAfter(0, 50).size() == 50 && log.find(MessageId.of("m" + (i % 50))).isPresent()) {
            good++;
          }
        }
        done.set(true);
        return good;
      }, runnable -> new Thread(() -> {
        Thread reader = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
          while (!done.get()) {
            reader.interrupt();
            Thread.onSpinWait();
          }
        });
        interrupter.start();
        runnable.run();
      }).start());

      assertThat(reads).succeedsWithin(Duration.ofSeconds(60)).isEqualTo(2000);
      assertThat(log.readAfter(0, 50)).hasSize(50);
      assertThat(log.append(List.of(track("m50", "a", null))).get(0).seq()).isEqualTo(51);
    }
  }

  @Test
  void closingWakesAWaitingConsumer() {
    SegmentEventLog log = SegmentEventLog.open(dir, SegmentLogSettings.defaults());
    CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
      try {
        return log.awaitAfter(0, Duration.ofDays(1));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    log.close();

    // the consumer was waiting and is woken with false, or close came first and the call is refused: never a hang
    CompletableFuture<Boolean> wokenOrRefused = waiting.handle((found, error) -> error == null ? !found
        : error.getCause() instanceof IllegalStateException);
    assertThat(wokenOrRefused).succeedsWithin(Duration.ofSeconds(30)).isEqualTo(true);
  }
}
