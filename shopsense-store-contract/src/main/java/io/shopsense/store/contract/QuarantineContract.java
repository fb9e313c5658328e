package io.shopsense.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.Slice;
import io.shopsense.api.collect.NewQuarantineEntry;
import io.shopsense.api.collect.Quarantine;
import io.shopsense.api.collect.QuarantineEntry;
import io.shopsense.api.collect.QuarantineQuery;
import io.shopsense.api.collect.QuarantineStatus;
import io.shopsense.api.collect.RejectedCount;
import io.shopsense.api.id.SourceId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Quarantine}. {@link #open()} gives the port over the backend's storage for this test (empty
 * at the first call of a test, the same storage at later calls); {@link #close()} closes what it opened and may be
 * called twice; {@link #reopen()} is a restart.
 *
 * <p>Decided here, where the port leaves it open: a new entry is pending, with no attempts, an empty note and
 * {@code updatedAt == receivedAt}; a transition ({@code revise}, {@code markReplayed}, {@code markFailed},
 * {@code discard}) changes a pending entry only and leaves a replayed or discarded one as it is, so retries are
 * harmless; on an unknown id it throws {@link IllegalArgumentException}. The slice cursor is the last id, present only
 * when another page follows. Rejections are counted per entry whatever its status now, under its current reason.
 * {@code countByStatus} has every status, zero when none. Instants are kept to the microsecond.
 */
public abstract class QuarantineContract {
  protected static final Instant T0 = Envelopes.T0;
  protected static final SourceId WEB = SourceId.of("web");
  protected static final SourceId IMPORT = SourceId.of("import");

  protected Quarantine quarantine;

  protected abstract Quarantine open() throws Exception;

  protected abstract void close() throws Exception;

  protected Quarantine reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openQuarantine() throws Exception {
    quarantine = open();
  }

  @AfterEach
  void closeQuarantine() throws Exception {
    close();
  }

  protected static NewQuarantineEntry entry(SourceId source, Instant at, String reason, String raw) {
    return new NewQuarantineEntry(source, at, reason, "detail of " + raw, raw, "POST /v1/batch [0]");
  }

  @Test
  void keepsEveryFieldOfANewEntryAsPending() {
    NewQuarantineEntry in = entry(WEB, T0, "missing_field", "{\"type\":\"track\"}");

    long id = quarantine.add(List.of(in)).get(0);

    QuarantineEntry e = quarantine.find(id).orElseThrow();
    assertThat(e.id()).isEqualTo(id);
    assertThat(e.source()).isEqualTo(WEB);
    assertThat(e.receivedAt()).isEqualTo(T0);
    assertThat(e.reason()).isEqualTo("missing_field");
    assertThat(e.detail()).isEqualTo(in.detail());
    assertThat(e.raw()).isEqualTo(in.raw());
    assertThat(e.origin()).isEqualTo("POST /v1/batch [0]");
    assertThat(e.status()).isEqualTo(QuarantineStatus.PENDING);
    assertThat(e.attempts()).isZero();
    assertThat(e.updatedAt()).isEqualTo(T0);
    assertThat(e.resultSeq()).isNull();
    assertThat(e.note()).isEmpty();
  }

  @Test
  void returnsIncreasingIdsInTheOrderOfTheEntries() {
    List<Long> first = quarantine.add(List.of(entry(WEB, T0, "r", "a"), entry(WEB, T0, "r", "b"),
        entry(WEB, T0, "r", "c")));
    List<Long> second = quarantine.add(List.of(entry(WEB, T0, "r", "d")));

    assertThat(first).hasSize(3).isSorted().doesNotHaveDuplicates();
    assertThat(second.get(0)).isGreaterThan(first.get(2));
    assertThat(quarantine.find(first.get(1)).orElseThrow().raw()).isEqualTo("b");
    assertThat(quarantine.add(List.of())).isEmpty();
  }

  @Test
  void findsNothingForAnUnknownId() {
    assertThat(quarantine.find(424242)).isEmpty();
  }

  @Test
  void keepsLargeAndUnusualRecordsWhole() {
    String big = "x".repeat(300_000);
    String odd = "line 1\nline 2\t\"quoted\" 'single' \\ back; drop table quarantine; -- é ü ✓ 😀 \u0001";
    List<Long> ids = quarantine.add(List.of(entry(WEB, T0, "too_large", big), entry(WEB, T0, "malformed_json", odd)));

    assertThat(quarantine.find(ids.get(0)).orElseThrow().raw()).isEqualTo(big);
    assertThat(quarantine.find(ids.get(1)).orElseThrow().raw()).isEqualTo(odd);
  }

  @Test
  void listsInIdOrderPageByPageWithTheLastIdAsCursor() {
    List<Long> ids = quarantine.add(IntStream.range(0, 25).mapToObj(i -> entry(WEB, T0, "r", "raw" + i)).toList());

    List<Long> seen = new ArrayList<>();
    long after = 0;
    int pages = 0;
    while (true) {
      Slice<QuarantineEntry> page = quarantine.list(new QuarantineQuery(null, null, null, after, 10));
      page.items().forEach(e -> seen.add(e.id()));
      pages++;
      if (page.nextCursor().isEmpty()) {
        assertThat(page.items()).hasSize(5);
        break;
      }
      assertThat(page.items()).hasSize(10);
      assertThat(page.next()).isEqualTo(Long.toString(page.items().get(9).id()));
      after = Long.parseLong(page.next());
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(ids);
  }

  @Test
  void aFullLastPageHasNoCursor() {
    quarantine.add(IntStream.range(0, 10).mapToObj(i -> entry(WEB, T0, "r", "raw" + i)).toList());

    assertThat(quarantine.list(QuarantineQuery.pending(10)).nextCursor()).isEmpty();
    assertThat(quarantine.list(QuarantineQuery.pending(9)).nextCursor()).isPresent();
  }

  @Test
  void filtersByStatusReasonAndSource() {
    List<Long> ids = quarantine.add(List.of(
        entry(WEB, T0, "missing_field", "a"),
        entry(WEB, T0, "invalid_type", "b"),
        entry(IMPORT, T0, "missing_field", "c"),
        entry(IMPORT, T0, "invalid_type", "d")));
    quarantine.discard(ids.get(0), "test data", T0.plusSeconds(60));

    assertThat(raws(new QuarantineQuery(QuarantineStatus.PENDING, null, null, 0, 100))).containsExactly("b", "c", "d");
    assertThat(raws(new QuarantineQuery(QuarantineStatus.DISCARDED, null, null, 0, 100))).containsExactly("a");
    assertThat(raws(new QuarantineQuery(null, "missing_field", null, 0, 100))).containsExactly("a", "c");
    assertThat(raws(new QuarantineQuery(null, null, IMPORT, 0, 100))).containsExactly("c", "d");
    assertThat(raws(new QuarantineQuery(QuarantineStatus.PENDING, "invalid_type", WEB, 0, 100))).containsExactly("b");
    assertThat(raws(new QuarantineQuery(QuarantineStatus.REPLAYED, null, null, 0, 100))).isEmpty();
    assertThat(raws(new QuarantineQuery(null, null, null, ids.get(1), 100))).containsExactly("c", "d");
  }

  @Test
  void aFixReplacesTheRecordAndKeepsTheReason() {
    long id = quarantine.add(List.of(entry(WEB, T0, "missing_field", "{}"))).get(0);

    quarantine.revise(id, "{\"type\":\"track\",\"event\":\"Fixed\"}", T0.plusSeconds(60));

    QuarantineEntry e = quarantine.find(id).orElseThrow();
    assertThat(e.raw()).isEqualTo("{\"type\":\"track\",\"event\":\"Fixed\"}");
    assertThat(e.reason()).isEqualTo("missing_field");
    assertThat(e.status()).isEqualTo(QuarantineStatus.PENDING);
    assertThat(e.updatedAt()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void aReplayRecordsTheSequenceNumberOfTheEvent() {
    long id = quarantine.add(List.of(entry(WEB, T0, "missing_field", "{}"))).get(0);

    quarantine.markReplayed(id, 1234, T0.plusSeconds(90));

    QuarantineEntry e = quarantine.find(id).orElseThrow();
    assertThat(e.status()).isEqualTo(QuarantineStatus.REPLAYED);
    assertThat(e.resultSeq()).isEqualTo(1234L);
    assertThat(e.updatedAt()).isEqualTo(T0.plusSeconds(90));
    assertThat(e.reason()).isEqualTo("missing_field");
  }

  @Test
  void aFailedReplayCountsAnAttemptAndKeepsTheEntryPending() {
    long id = quarantine.add(List.of(entry(WEB, T0, "missing_field", "{}"))).get(0);

    quarantine.markFailed(id, "invalid_timestamp", "timestamp: not a date", T0.plusSeconds(10));
    quarantine.markFailed(id, "invalid_type", "properties: expected an object", T0.plusSeconds(20));

    QuarantineEntry e = quarantine.find(id).orElseThrow();
    assertThat(e.status()).isEqualTo(QuarantineStatus.PENDING);
    assertThat(e.attempts()).isEqualTo(2);
    assertThat(e.reason()).isEqualTo("invalid_type");
    assertThat(e.detail()).isEqualTo("properties: expected an object");
    assertThat(e.updatedAt()).isEqualTo(T0.plusSeconds(20));
  }

  @Test
  void aDiscardKeepsThePersonsNote() {
    long id = quarantine.add(List.of(entry(WEB, T0, "missing_field", "{}"))).get(0);

    quarantine.discard(id, "bot traffic", T0.plusSeconds(30));

    QuarantineEntry e = quarantine.find(id).orElseThrow();
    assertThat(e.status()).isEqualTo(QuarantineStatus.DISCARDED);
    assertThat(e.note()).isEqualTo("bot traffic");
    assertThat(e.updatedAt()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void transitionsLeaveAnEntryThatIsNoLongerPendingAsItIs() {
    List<Long> ids = quarantine.add(List.of(entry(WEB, T0, "r", "replayed"), entry(WEB, T0, "r", "discarded")));
    quarantine.markReplayed(ids.get(0), 7, T0.plusSeconds(1));
    quarantine.discard(ids.get(1), "no", T0.plusSeconds(1));
    QuarantineEntry replayed = quarantine.find(ids.get(0)).orElseThrow();
    QuarantineEntry discarded = quarantine.find(ids.get(1)).orElseThrow();

    for (long id : ids) {
      quarantine.markReplayed(id, 99, T0.plusSeconds(5));
      quarantine.markFailed(id, "other", "other", T0.plusSeconds(5));
      quarantine.revise(id, "changed", T0.plusSeconds(5));
      quarantine.discard(id, "changed", T0.plusSeconds(5));
    }

    assertThat(quarantine.find(ids.get(0))).contains(replayed);
    assertThat(quarantine.find(ids.get(1))).contains(discarded);
  }

  @Test
  void refusesTransitionsOfAnUnknownEntry() {
    assertThatThrownBy(() -> quarantine.revise(777, "{}", T0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> quarantine.markReplayed(777, 1, T0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> quarantine.markFailed(777, "r", "d", T0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> quarantine.discard(777, "n", T0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsRejectionsPerUtcDaySourceAndReason() {
    Instant lateOnDay1 = Instant.parse("2026-03-01T23:59:59.999999Z");
    Instant startOfDay2 = Instant.parse("2026-03-02T00:00:00Z");
    List<Long> ids = quarantine.add(List.of(
        entry(WEB, lateOnDay1, "missing_field", "a"),
        entry(WEB, lateOnDay1, "missing_field", "b"),
        entry(IMPORT, lateOnDay1, "missing_field", "c"),
        entry(WEB, startOfDay2, "invalid_type", "d"),
        entry(WEB, Instant.parse("2026-03-04T08:00:00Z"), "invalid_type", "e")));
    quarantine.markReplayed(ids.get(0), 5, startOfDay2); // still a rejection of that day

    List<RejectedCount> counts = quarantine.countRejected(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02"));

    assertThat(counts).containsExactlyInAnyOrder(
        new RejectedCount(LocalDate.parse("2026-03-01"), WEB, "missing_field", 2),
        new RejectedCount(LocalDate.parse("2026-03-01"), IMPORT, "missing_field", 1),
        new RejectedCount(LocalDate.parse("2026-03-02"), WEB, "invalid_type", 1));
    assertThat(quarantine.countRejected(LocalDate.parse("2026-03-04"), LocalDate.parse("2026-03-04")))
        .containsExactly(new RejectedCount(LocalDate.parse("2026-03-04"), WEB, "invalid_type", 1));
    assertThat(quarantine.countRejected(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28"))).isEmpty();
  }

  @Test
  void countsEntriesPerStatusWithZeroForNone() {
    assertThat(quarantine.countByStatus()).containsExactlyInAnyOrderEntriesOf(Map.of(
        QuarantineStatus.PENDING, 0L, QuarantineStatus.REPLAYED, 0L, QuarantineStatus.DISCARDED, 0L));
    List<Long> ids = quarantine.add(IntStream.range(0, 5).mapToObj(i -> entry(WEB, T0, "r", "raw" + i)).toList());
    quarantine.markReplayed(ids.get(0), 1, T0);
    quarantine.markReplayed(ids.get(1), 2, T0);
    quarantine.discard(ids.get(2), "", T0);

    assertThat(quarantine.countByStatus()).containsExactlyInAnyOrderEntriesOf(Map.of(
        QuarantineStatus.PENDING, 2L, QuarantineStatus.REPLAYED, 2L, QuarantineStatus.DISCARDED, 1L));
  }

  @Test
  void concurrentAddsGetDistinctIds() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Long>>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          List<Long> mine = new ArrayList<>();
          for (int b = 0; b < 10; b++) {
            mine.addAll(quarantine.add(List.of(entry(WEB, T0, "r", thread + "-" + b + "-0"),
                entry(WEB, T0, "r", thread + "-" + b + "-1"))));
          }
          return mine;
        }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> f : futures) {
        List<Long> mine = f.get();
        assertThat(mine).isSorted();
        all.addAll(mine);
      }
      assertThat(all).hasSize(80).doesNotHaveDuplicates();
      assertThat(quarantine.countByStatus()).containsEntry(QuarantineStatus.PENDING, 80L);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void keepsEntriesAndTheirStateAcrossARestart() throws Exception {
    List<Long> ids = quarantine.add(List.of(entry(WEB, T0, "r", "a"), entry(IMPORT, T0, "r", "b")));
    quarantine.markFailed(ids.get(0), "again", "still wrong", T0.plusSeconds(1));
    quarantine.markReplayed(ids.get(1), 42, T0.plusSeconds(2));
    QuarantineEntry failed = quarantine.find(ids.get(0)).orElseThrow();
    QuarantineEntry replayed = quarantine.find(ids.get(1)).orElseThrow();

    quarantine = reopen();

    assertThat(quarantine.find(ids.get(0))).contains(failed);
    assertThat(quarantine.find(ids.get(1))).contains(replayed);
    assertThat(quarantine.add(List.of(entry(WEB, T0, "r", "c"))).get(0)).isGreaterThan(ids.get(1));
  }

  private List<String> raws(QuarantineQuery query) {
    return quarantine.list(query).items().stream().map(QuarantineEntry::raw).toList();
  }

  @Test
  void erasesTheEntriesThatCarryAValueWhateverItsCaseAndKeepsTheOthers() throws Exception {
    List<Long> ids = quarantine.add(List.of(
        entry(WEB, T0, "missing_field", "{\"userId\":\"u-1\",\"traits\":{\"email\":\"Anna@Example.com\"}}"),
        entry(WEB, T0, "missing_field", "{\"userId\":\"u-2\"}"),
        entry(WEB, T0, "invalid_json", "{\"anonymousId\":\"a-100%\"")));

    List<Long> erased = quarantine.eraseContaining(List.of("anna@example.com", "a-100%", " "));

    assertThat(erased).containsExactly(ids.get(0), ids.get(2));
    quarantine = reopen();
    assertThat(quarantine.find(ids.get(0))).isEmpty();
    assertThat(quarantine.find(ids.get(1))).isPresent();
    assertThat(quarantine.find(ids.get(2))).isEmpty();
    // a wildcard in a value matches only itself
    assertThat(quarantine.eraseContaining(List.of("%", "_"))).isEmpty();
    assertThat(quarantine.find(ids.get(1))).isPresent();
  }
}
