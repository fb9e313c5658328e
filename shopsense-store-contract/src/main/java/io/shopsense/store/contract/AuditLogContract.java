package io.shopsense.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.audit.AuditEntry;
import io.shopsense.api.audit.AuditHash;
import io.shopsense.api.audit.AuditHead;
import io.shopsense.api.audit.AuditLog;
import io.shopsense.api.audit.AuditQuery;
import io.shopsense.api.audit.AuditRecord;
import io.shopsense.core.audit.AuditVerification;
import io.shopsense.core.audit.AuditVerification.Broken;
import io.shopsense.core.audit.AuditVerification.Reason;
import io.shopsense.core.audit.AuditVerifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AuditLog}, and that {@link AuditVerifier} finds tampering done behind the port's back with
 * the backend's own SQL ({@link #execute}: tables {@code audit_log} and {@code audit_head}). {@link #open()} gives the
 * port over this test's storage (empty at the first call), {@link #close()} closes it, {@link #reopen()} restarts.
 */
public abstract class AuditLogContract {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");
  protected AuditLog log;

  protected abstract AuditLog open() throws Exception;

  protected abstract void close() throws Exception;

  /** Runs one SQL statement on the backend's storage directly, as someone with database access could. */
  protected abstract void execute(String statement) throws Exception;

  protected AuditLog reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openLog() throws Exception {
    log = open();
  }

  @AfterEach
  void closeLog() throws Exception {
    close();
  }

  private static AuditRecord record(int i) {
    return new AuditRecord(T0.plusSeconds(i), "key:k" + (i % 2), i % 3 == 0 ? "DELETE /v1/segments/{id}"
        : "GET /v1/persons/{id}", "p-" + i, "200");
  }

  private List<AuditEntry> appendFive() {
    List<AuditEntry> out = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      out.add(log.append(record(i)));
    }
    return out;
  }

  @Test
  void anEmptyLogHasNoHeadAndVerifies() {
    assertThat(log.head()).isEmpty();
    assertThat(log.after(0, 10)).isEmpty();
    assertThat(AuditVerifier.verify(log, List.of())).isEqualTo(new AuditVerification.Intact(0, AuditHash.GENESIS));
  }

  @Test
  void numbersEntriesWithoutGapsAndChainsEachToTheOneBefore() {
    List<AuditEntry> entries = appendFive();

    assertThat(entries).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(entries.get(0).previousHash()).isEqualTo(AuditHash.GENESIS);
    for (int i = 1; i < 5; i++) {
      assertThat(entries.get(i).previousHash()).isEqualTo(entries.get(i - 1).hash());
    }
    assertThat(log.after(0, 10)).isEqualTo(entries);
    assertThat(log.head()).contains(new AuditHead(5, entries.get(4).hash()));
    assertThat(AuditVerifier.verify(log, List.of())).isEqualTo(new AuditVerification.Intact(5,
        entries.get(4).hash()));
  }

  @Test
  void keepsTheChainAcrossARestartAndContinuesIt() throws Exception {
    List<AuditEntry> entries = appendFive();

    log = reopen();
    AuditEntry sixth = log.append(record(6));

    assertThat(sixth.seq()).isEqualTo(6);
    assertThat(sixth.previousHash()).isEqualTo(entries.get(4).hash());
    assertThat(log.after(4, 10)).extracting(AuditEntry::seq).containsExactly(5L, 6L);
    assertThat(AuditVerifier.verify(log, List.of()).intact()).isTrue();
  }

  @Test
  void findsByTimeActorAndActionOldestFirstPageByPage() {
    appendFive();

    assertThat(log.find(new AuditQuery(T0.plusSeconds(2), T0.plusSeconds(5), null, null, 0, 10)))
        .extracting(AuditEntry::seq).containsExactly(2L, 3L, 4L);
    assertThat(log.find(new AuditQuery(null, null, "key:k1", null, 0, 10))).extracting(AuditEntry::seq)
        .containsExactly(1L, 3L, 5L);
    assertThat(log.find(new AuditQuery(null, null, null, "DELETE /v1/segments/{id}", 0, 10)))
        .extracting(AuditEntry::seq).containsExactly(3L);
    assertThat(log.find(new AuditQuery(null, null, "key:k1", null, 1, 1))).extracting(AuditEntry::seq)
        .containsExactly(3L);
    assertThat(log.find(AuditQuery.all(0, 10)).get(0).record()).isEqualTo(record(1));
  }

  @Test
  void keepsANullTarget() {
    AuditEntry e = log.append(new AuditRecord(T0, "system", "retention.ran", null, "ok"));

    assertThat(log.after(0, 1).get(0)).isEqualTo(e);
    assertThat(e.hashMatches()).isTrue();
  }

  @Test
  void concurrentAppendersNeverForkTheChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 40; i++) {
            log.append(new AuditRecord(T0.plusMillis(i), "key:t" + thread, "POST /v1/segments", null, "201"));
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(log.after(0, 1_000)).extracting(AuditEntry::seq).hasSize(160).doesNotHaveDuplicates()
        .isSorted().endsWith(160L);
    assertThat(AuditVerifier.verify(log, List.of())).isInstanceOf(AuditVerification.Intact.class);
  }

  @Test
  void verifyFindsAChangedEntry() throws Exception {
    appendFive();

    execute("update audit_log set target = 'p-someone-else' where seq = 3");

    assertThat(AuditVerifier.verify(log, List.of())).isEqualTo(new Broken(3, Reason.HASH_MISMATCH,
        "entry 3 does not match its hash"));
  }

  @Test
  void verifyFindsAChangedEntryWhoseHashWasRecomputedByItsSuccessor() throws Exception {
    List<AuditEntry> entries = appendFive();
    AuditRecord forged = new AuditRecord(T0.plusSeconds(3), "key:k1", "GET /v1/persons/{id}", "p-x", "200");
    String forgedHash = AuditHash.of(3, forged, entries.get(1).hash());

    execute("update audit_log set target = 'p-x', action = 'GET /v1/persons/{id}', entry_hash = '" + forgedHash
        + "' where seq = 3");

    AuditVerification v = AuditVerifier.verify(log, List.of());
    assertThat(v).isInstanceOf(Broken.class);
    assertThat(((Broken) v).seq()).isEqualTo(4);
    assertThat(((Broken) v).reason()).isEqualTo(Reason.LINK_BROKEN);
  }

  @Test
  void verifyFindsADeletedEntry() throws Exception {
    appendFive();

    execute("delete from audit_log where seq = 2");

    AuditVerification v = AuditVerifier.verify(log, List.of());
    assertThat(v).isInstanceOf(Broken.class);
    assertThat(((Broken) v).seq()).isEqualTo(2);
    assertThat(((Broken) v).reason()).isEqualTo(Reason.SEQ_GAP);
  }

  @Test
  void verifyFindsReorderedEntries() throws Exception {
    appendFive();

    execute("update audit_log set seq = -1 where seq = 2");
    execute("update audit_log set seq = 2 where seq = 3");
    execute("update audit_log set seq = 3 where seq = -1");

    AuditVerification v = AuditVerifier.verify(log, List.of());
    assertThat(v).isInstanceOf(Broken.class);
    assertThat(((Broken) v).seq()).isEqualTo(2);
    assertThat(((Broken) v).reason()).isEqualTo(Reason.LINK_BROKEN);
  }

  @Test
  void verifyFindsACutOffTailByTheStoresHead() throws Exception {
    appendFive();

    execute("delete from audit_log where seq >= 4");

    assertThat(AuditVerifier.verify(log, List.of())).isEqualTo(new Broken(4, Reason.TRUNCATED,
        "a head recorded entry 5 but the log ends at 3"));
  }

  @Test
  void verifyFindsACutOffTailByAHeadKeptOutsideEvenWhenTheStoresHeadWasMovedBack() throws Exception {
    List<AuditEntry> entries = appendFive();
    AuditHead outside = new AuditHead(5, entries.get(4).hash());

    execute("delete from audit_log where seq = 5");
    execute("update audit_head set head_seq = 4, head_hash = '" + entries.get(3).hash() + "' where id = 1");

    assertThat(AuditVerifier.verify(log, List.of()).intact()).isTrue(); // the limit without a copy outside
    assertThat(AuditVerifier.verify(log, List.of(outside))).isEqualTo(new Broken(5, Reason.TRUNCATED,
        "a head recorded entry 5 but the log ends at 4"));
  }

  @Test
  void verifyFindsAWholeChainRewrittenAgainstAHeadKeptOutside() throws Exception {
    List<AuditEntry> entries = appendFive();
    AuditHead outside = new AuditHead(5, entries.get(4).hash());
    // rewrite the chain from scratch with a different first entry, consistently, head row included
    execute("delete from audit_log");
    execute("update audit_head set head_seq = 0, head_hash = '" + AuditHash.GENESIS + "' where id = 1");
    for (int i = 1; i <= 5; i++) {
      log.append(new AuditRecord(T0.plusSeconds(i), "key:k0", "GET /v1/quality", null, "200"));
    }

    assertThat(AuditVerifier.verify(log, List.of()).intact()).isTrue();
    assertThat(AuditVerifier.verify(log, List.of(outside))).isEqualTo(new Broken(5, Reason.HEAD_MISMATCH,
        "a head recorded another hash for entry 5"));
  }

  @Test
  void verifyFindsAnEntryAddedBehindTheLogsBack() throws Exception {
    List<AuditEntry> entries = appendFive();
    AuditRecord added = new AuditRecord(T0.plusSeconds(9), "key:k1", "GET /v1/quality", null, "200");

    execute("insert into audit_log (seq, recorded_at, actor, action, target, outcome, previous_hash, entry_hash) "
        + "values (6, timestamp with time zone '2026-03-01 10:00:09.123456+00', 'key:k1', 'GET /v1/quality', null, "
        + "'200', '" + entries.get(4).hash() + "', '" + AuditHash.of(6, added, entries.get(4).hash()) + "')");

    AuditVerification v = AuditVerifier.verify(log, List.of());
    assertThat(v).isInstanceOf(Broken.class);
    assertThat(((Broken) v).seq()).isEqualTo(6);
    assertThat(((Broken) v).reason()).isEqualTo(Reason.SEQ_GAP);
  }
}
