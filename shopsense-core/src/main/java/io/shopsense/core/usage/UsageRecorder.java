package io.shopsense.core.usage;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.api.privacy.UsageCount;
import io.shopsense.api.privacy.UsageKind;
import io.shopsense.api.privacy.UsageLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where hot paths record usage (a recommendation served, a message sent): counts are added up in memory and written to
 * the {@link UsageLog} by {@link #flush()} — the platform flushes every second and on close — so that serving pays a
 * map update, not a database write. Reads of a person's usage should flush first to be exact. A crash loses at most the
 * counts since the last flush (the log then under-reports, never over-reports). Thread-safe.
 */
public final class UsageRecorder implements AutoCloseable {
  private record Key(PersonId person, LocalDate day, Purpose purpose, UsageKind kind) {}

  private final UsageLog log;
  private Map<Key, Long> pending = new HashMap<>();

  public UsageRecorder(UsageLog log) {
    this.log = log;
  }

  /** Counts one use of the person's data at {@code at} (its UTC day counts). */
  public void record(PersonId person, Instant at, Purpose purpose, UsageKind kind) {
    Key key = new Key(person, LocalDate.ofInstant(at, ZoneOffset.UTC), purpose, kind);
    synchronized (this) {
      pending.merge(key, 1L, Long::sum);
    }
  }

  /** Writes the pending counts in one transaction; on failure they stay pending and the failure is rethrown. */
  public void flush() {
    Map<Key, Long> batch;
    synchronized (this) {
      if (pending.isEmpty()) {
        return;
      }
      batch = pending;
      pending = new HashMap<>();
    }
    List<UsageCount> counts = new ArrayList<>(batch.size());
    batch.forEach((k, n) -> counts.add(new UsageCount(k.person(), k.day(), k.purpose(), k.kind(), n)));
    try {
      log.recordAll(counts);
    } catch (RuntimeException e) {
      synchronized (this) {
        batch.forEach((k, n) -> pending.merge(k, n, Long::sum));
      }
      throw e;
    }
  }

  @Override
  public void close() {
    flush();
  }
}
