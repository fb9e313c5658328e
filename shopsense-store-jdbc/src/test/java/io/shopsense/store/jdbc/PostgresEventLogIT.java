package io.shopsense.store.jdbc;

import static io.shopsense.store.contract.Envelopes.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.collect.EventLog;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.id.MessageId;
import io.shopsense.store.contract.EventLogContract;
import io.shopsense.store.contract.PostgresTestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@link EventLogContract} on PostgreSQL, a fresh schema per test; a reopen closes the stores and opens a new pool
 * on the same schema. Plus what only this backend promises: gapless numbers, and another process's appends.
 */
class PostgresEventLogIT extends EventLogContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected EventLog open() {
    return stores.open().eventLog();
  }

  @Override
  protected EventLog reopen(EventLog current) {
    current.close();
    stores.close();
    return open();
  }

  @AfterEach
  void closeStores() {
    stores.close();
  }

  @Test
  void numbersEventsWithoutGaps() {
    log.append(IntStream.range(0, 10).mapToObj(i -> track("m" + i, "a", null)).toList());
    log.append(List.of(track("m3", "a", null), track("m10", "a", null), track("m10", "a", null)));

    assertThat(log.readAfter(0, 100)).extracting(e -> e.seq())
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
  }

  @Test
  void wakesAWaitingConsumerForAnAppendByAnotherProcess() throws Exception {
    String schema = PG.newSchema();
    try (JdbcStores mine = JdbcStores.postgres(PG.url(), PG.user(), PG.password(), schema);
        JdbcStores theirs = JdbcStores.postgres(PG.url(), PG.user(), PG.password(), schema)) {
      Thread writer = new Thread(() -> theirs.eventLog().append(List.of(track("elsewhere", "a", null))));
      writer.start();

      assertThat(mine.eventLog().awaitAfter(0, Duration.ofSeconds(30))).isTrue();
      writer.join();
      assertThat(mine.eventLog().find(MessageId.of("elsewhere"))).isPresent();
    }
  }

  @Test
  void aReaderFollowingConcurrentAppendsNeverSkipsAnEvent() throws Exception {
    int writers = 4;
    int batches = 40;
    int perBatch = 5;
    int total = writers * batches * perBatch;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    try {
      Future<List<Long>> reader = pool.submit(() -> {
        // follows the log as a consumer does; a number committed below its cursor would be skipped for good
        List<Long> seen = new ArrayList<>();
        long cursor = 0;
        while (seen.size() < total) {
          List<StoredEvent> page = log.readAfter(cursor, 1000);
          for (StoredEvent e : page) {
            seen.add(e.seq());
            cursor = e.seq();
          }
          if (page.isEmpty()) {
            log.awaitAfter(cursor, Duration.ofMillis(50));
          }
          if (seen.size() < total && log.count() == total && log.lastSeq() == cursor) {
            break; // everything is stored and read up to the end, yet some were never seen
          }
        }
        return seen;
      });
      List<Future<?>> appends = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        appends.add(pool.submit(() -> {
          for (int b = 0; b < batches; b++) {
            int batch = b;
            log.append(IntStream.range(0, perBatch).mapToObj(i -> track("w" + writer + "-" + batch + "-" + i, "a",
                null)).toList());
          }
        }));
      }
      for (Future<?> f : appends) {
        f.get();
      }
      List<Long> seen = reader.get();
      assertThat(seen).hasSize(total).isSorted().doesNotHaveDuplicates();
      assertThat(seen).containsExactlyElementsOf(log.readAfter(0, total).stream().map(StoredEvent::seq).toList());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void retentionDeletesExactlyTheOldEventsAndNumberingGoesOnAboveThem() throws Exception {
    java.time.Instant cutoff = io.shopsense.store.contract.Envelopes.T0;
    log.append(List.of(track("new-1", "a", null, cutoff.plusSeconds(1)),
        track("old-1", "a", null, cutoff.minusSeconds(10)), track("old-2", "b", null, cutoff.minusSeconds(5))));

    io.shopsense.api.collect.ErasedEvents deleted = log.deleteBefore(cutoff);

    assertThat(deleted.events()).isEqualTo(2);
    assertThat(log.readAfter(0, 10)).extracting(e -> e.envelope().messageId().value()).containsExactly("new-1");
    assertThat(log.lastSeq()).isEqualTo(3);
    log = reopen(log);
    assertThat(log.append(List.of(track("later", "a", null))).get(0).seq()).isEqualTo(4);
  }

  @Test
  void erasureLeavesNoRowOfThePersonAndKeepsOnlyDigestsOfTheirMessageIds() throws Exception {
    log.append(List.of(track("m-a", "anon-secret", null), track("m-b", null, "user-secret"), track("m-c", "x", null)));

    log.erase(List.of(io.shopsense.api.id.AnonymousId.of("anon-secret")),
        List.of(io.shopsense.api.id.UserId.of("user-secret")));

    try (var c = stores.current().dataSource().getConnection(); var st = c.createStatement()) {
      try (var rs = st.executeQuery("select count(*) from events where anonymous_id = 'anon-secret'"
          + " or user_id = 'user-secret' or previous_id like '%secret%'")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
      try (var rs = st.executeQuery("select seq, message_digest from erased_events order by seq")) {
        List<Long> seqs = new ArrayList<>();
        while (rs.next()) {
          seqs.add(rs.getLong(1));
          assertThat(rs.getBytes(2)).hasSize(32);
        }
        assertThat(seqs).containsExactly(1L, 2L);
      }
    }
  }
}
