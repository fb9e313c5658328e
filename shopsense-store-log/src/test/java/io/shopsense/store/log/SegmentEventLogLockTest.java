package io.shopsense.store.log;

import static io.shopsense.store.contract.Envelopes.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One owner per directory (the crash test checks the same across processes). */
class SegmentEventLogLockTest {

  @TempDir
  Path dir;

  @Test
  void refusesASecondOpenWhileTheFirstHoldsTheDirectory() {
    try (SegmentEventLog first = SegmentEventLog.open(dir, SegmentLogSettings.defaults())) {
      first.append(List.of(track("m1", "a", null)));

      assertThatThrownBy(() -> SegmentEventLog.open(dir, SegmentLogSettings.defaults()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("already open");
      assertThat(first.count()).as("the failed open changed nothing").isEqualTo(1);
    }
    try (SegmentEventLog again = SegmentEventLog.open(dir, SegmentLogSettings.defaults())) {
      assertThat(again.count()).isEqualTo(1);
    }
  }

  @Test
  void refusesEverythingAfterCloseAndClosesOnce() {
    SegmentEventLog log = SegmentEventLog.open(dir, SegmentLogSettings.defaults());
    log.close();
    log.close();

    assertThatThrownBy(() -> log.append(List.of(track("m1", "a", null))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> log.readAfter(0, 1)).isInstanceOf(IllegalStateException.class);
  }
}
