package io.shopsense.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.collect.ConsumerOffsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ConsumerOffsets}. {@link #open()} gives the port over the backend's storage for this test
 * (empty at the first call of a test, the same storage at later calls); {@link #close()} closes what it opened and
 * may be called twice; {@link #reopen()} is a restart.
 *
 * <p>Decided here, where the port leaves it open: a commit replaces the offset, also with a smaller one (a consumer
 * may be rewound to rebuild what it derives); keeping offsets from going back is the consumer runner's job.
 */
public abstract class ConsumerOffsetsContract {
  protected ConsumerOffsets offsets;

  protected abstract ConsumerOffsets open() throws Exception;

  protected abstract void close() throws Exception;

  protected ConsumerOffsets reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openOffsets() throws Exception {
    offsets = open();
  }

  @AfterEach
  void closeOffsets() throws Exception {
    close();
  }

  @Test
  void aConsumerThatNeverCommittedStandsAtZero() {
    assertThat(offsets.get("identity")).isZero();
  }

  @Test
  void keepsTheLastCommitOfEachConsumer() {
    offsets.commit("identity", 10);
    offsets.commit("identity", 25);
    offsets.commit("lake", 7);

    assertThat(offsets.get("identity")).isEqualTo(25);
    assertThat(offsets.get("lake")).isEqualTo(7);
    assertThat(offsets.get("profiles")).isZero();
  }

  @Test
  void committingTheSameOffsetAgainIsHarmless() {
    offsets.commit("identity", 10);
    offsets.commit("identity", 10);

    assertThat(offsets.get("identity")).isEqualTo(10);
  }

  @Test
  void aCommitMayRewindTheOffset() {
    offsets.commit("profiles", 500);
    offsets.commit("profiles", 0);

    assertThat(offsets.get("profiles")).isZero();
  }

  @Test
  void consumersCommittingConcurrentlyKeepTheirOwnOffsets() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String name = "consumer-" + t;
        futures.add(pool.submit(() -> {
          for (long seq = 1; seq <= 50; seq++) {
            offsets.commit(name, seq);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    for (int t = 0; t < 4; t++) {
      assertThat(offsets.get("consumer-" + t)).isEqualTo(50);
    }
  }

  @Test
  void keepsOffsetsAcrossARestart() throws Exception {
    offsets.commit("identity", 123_456_789_012L);

    offsets = reopen();

    assertThat(offsets.get("identity")).isEqualTo(123_456_789_012L);
  }
}
