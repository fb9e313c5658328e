package io.shopsense.store.jdbc;

import static io.shopsense.store.contract.Envelopes.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.collect.AppendResult;
import io.shopsense.api.collect.EventEnvelope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group commit without a database: a writer that numbers envelopes in memory and records the groups it was given. */
class GroupCommitTest {
  private final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch firstGroupMayFinish = new CountDownLatch(1);
  private final ExecutorService pool = Executors.newFixedThreadPool(3);
  private long seq;

  private final GroupCommit commit = new GroupCommit(unique -> {
    groups.add(List.copyOf(unique.keySet()));
    if (groups.size() == 1) {
      await(firstGroupMayFinish);
    }
    if (unique.containsKey("bad")) {
      throw new JdbcStoreException("rejected by the database", null);
    }
    Map<String, AppendResult> results = new HashMap<>();
    unique.keySet().forEach(id -> results.put(id, AppendResult.stored(++seq)));
    return results;
  });

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void appendsQueuedDuringACommitShareTheNextOne() throws Exception {
    Future<List<AppendResult>> first = pool.submit(() -> commit.append(List.of(track("m1", "a", null))));
    awaitGroups(1);
    Future<List<AppendResult>> second = pool.submit(() -> commit.append(List.of(track("m2", "a", null),
        track("shared", "a", null))));
    awaitQueued(1);
    Future<List<AppendResult>> third = pool.submit(() -> commit.append(List.of(track("shared", "a", null),
        track("m3", "a", null))));
    awaitQueued(2);
    firstGroupMayFinish.countDown();

    assertThat(first.get()).containsExactly(AppendResult.stored(1));
    assertThat(second.get()).containsExactly(AppendResult.stored(2), AppendResult.stored(3));
    assertThat(third.get()).containsExactly(AppendResult.duplicate(3), AppendResult.stored(4));
    assertThat(groups).containsExactly(List.of("m1"), List.of("m2", "shared", "m3"));
  }

  @Test
  void aFailingAppendFailsOnlyItsOwnCaller() throws Exception {
    Future<List<AppendResult>> first = pool.submit(() -> commit.append(List.of(track("m1", "a", null))));
    awaitGroups(1);
    Future<List<AppendResult>> bad = pool.submit(() -> commit.append(List.of(track("bad", "a", null))));
    awaitQueued(1);
    Future<List<AppendResult>> good = pool.submit(() -> commit.append(List.of(track("good", "a", null))));
    awaitQueued(2);
    firstGroupMayFinish.countDown();

    assertThat(first.get()).containsExactly(AppendResult.stored(1));
    assertThat(good.get()).containsExactly(AppendResult.stored(2));
    assertThatThrownBy(bad::get).hasCauseInstanceOf(JdbcStoreException.class);
    assertThat(groups).containsExactly(List.of("m1"), List.of("bad", "good"), List.of("bad"), List.of("good"));
  }

  @Test
  void aRepeatWithinOneAppendIsADuplicateOfItsFirstCopy() {
    firstGroupMayFinish.countDown();
    List<EventEnvelope> twice = List.of(track("m1", "a", null), track("m1", "a", null));

    assertThat(commit.append(twice)).containsExactly(AppendResult.stored(1), AppendResult.duplicate(1));
  }

  private void awaitGroups(int n) throws InterruptedException {
    while (groups.size() < n) {
      Thread.sleep(1);
    }
  }

  private void awaitQueued(int n) throws InterruptedException {
    while (commit.queued() < n) {
      Thread.sleep(1);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
