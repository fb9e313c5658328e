package io.shopsense.store.jdbc;

import io.shopsense.api.collect.AppendResult;
import io.shopsense.api.collect.ErasedEvents;
import io.shopsense.api.collect.ErasedMessageIds;
import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.collect.EventLog;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.event.EventType;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.SourceId;
import io.shopsense.api.id.UserId;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event log in a PostgreSQL table. Thread-safe, and safe for several processes on one schema.
 *
 * <p>Concurrent appends of this process are combined ({@link GroupCommit}). Each group is one transaction that first
 * takes a transaction-scoped advisory lock (one per schema), then looks up which message ids are stored already,
 * numbers the new events after the current maximum and inserts them in one batch. The lock is held until commit, so sequence numbers follow commit order: a reader that has seen
 * {@code seq} N never later finds a new event below N. Numbers have no gaps. Durable on commit (PostgreSQL's
 * {@code synchronous_commit}, on by default). Idempotent by message id, within one append too.
 *
 * <p>{@link #awaitAfter} wakes at once for appends made through this instance and polls the table every
 * {@value #POLL_MILLIS} ms for appends by other processes.
 */
final class PostgresEventLog implements EventLog {
  static final long POLL_MILLIS = 100;
  // the advisory lock's first key ("SSEV"); the second is the schema's hash, so that schemas do not contend
  private static final int LOCK_CLASS = 0x53534556;
  private static final String COLUMNS =
      "seq, message_id, type, name, anonymous_id, user_id, previous_id, ts, received_at, source, json";

  private final Sql sql;
  private final String schema;
  private final Object appended = new Object();
  private long appends; // guarded by appended: counts commits made here, so waiters cannot miss one
  private final GroupCommit groups;
  private volatile boolean closed;

  PostgresEventLog(Sql sql, String schema) {
    this.sql = sql;
    this.schema = schema;
    this.groups = new GroupCommit(unique -> sql.tx(c -> appendLocked(c, unique)));
  }

  @Override
  public List<AppendResult> append(List<EventEnvelope> envelopes) {
    checkOpen();
    if (envelopes.isEmpty()) {
      return List.of();
    }
    List<AppendResult> results = groups.append(envelopes);
    synchronized (appended) {
      appends++;
      appended.notifyAll();
    }
    return results;
  }

  private Map<String, AppendResult> appendLocked(Connection c, Map<String, EventEnvelope> unique)
      throws SQLException {
    lock(c);
    // statements after the lock see every append committed before it was granted
    Map<String, AppendResult> results = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("select message_id, seq from events where message_id = any(?)")) {
      ps.setArray(1, Sql.texts(c, unique.keySet()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          results.put(rs.getString(1), AppendResult.duplicate(rs.getLong(2)));
        }
      }
    }
    if (results.size() < unique.size()) {
      findErased(c, unique, results);
    }
    if (results.size() == unique.size()) {
      return results;
    }
    long seq = highestSeq(c);
    // every writer holds the lock, so no insert conflicts; "on conflict do nothing" guards a foreign writer
    try (PreparedStatement ps = c.prepareStatement("insert into events (" + COLUMNS
        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
      for (EventEnvelope e : unique.values()) {
        if (results.containsKey(e.messageId().value())) {
          continue;
        }
        seq++;
        bind(ps, seq, e);
        ps.addBatch();
        results.put(e.messageId().value(), AppendResult.stored(seq));
      }
      ps.executeBatch();
    }
    return results;
  }

  /** Retries of erased events are duplicates of the erased sequence number, found by their id's digest. */
  private static void findErased(Connection c, Map<String, EventEnvelope> unique, Map<String, AppendResult> results)
      throws SQLException {
    Map<ByteBuffer, String> byDigest = new HashMap<>();
    for (String id : unique.keySet()) {
      if (!results.containsKey(id)) {
        byDigest.put(ByteBuffer.wrap(ErasedMessageIds.digest(id)), id);
      }
    }
    try (PreparedStatement ps = c.prepareStatement(
        "select message_digest, seq from erased_events where message_digest = any(?)")) {
      byte[][] digests = byDigest.keySet().stream().map(ByteBuffer::array).toArray(byte[][]::new);
      ps.setArray(1, c.createArrayOf("bytea", digests));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          results.put(byDigest.get(ByteBuffer.wrap(rs.getBytes(1))), AppendResult.duplicate(rs.getLong(2)));
        }
      }
    }
  }

  /** The highest number ever given: erased and deleted events keep theirs taken. */
  private static long highestSeq(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select greatest((select coalesce(max(seq), 0) from events),"
        + " (select coalesce(max(seq), 0) from erased_events))");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * {@inheritDoc} In one transaction under the append lock: the events' numbers and message-id digests go to
   * {@code erased_events}, the rows are deleted; then the table is vacuumed (outside a unit of work), so the dead rows'
   * space is reclaimed rather than left until autovacuum. What PostgreSQL still holds after that (old WAL segments, a
   * base backup) is the database operator's to expire; the ADR on erasure says so. {@code bytesRewritten} is the size
   * of the deleted rows.
   */
  @Override
  public ErasedEvents erase(Collection<AnonymousId> anonymousIds, Collection<UserId> userIds) {
    checkOpen();
    Set<String> anonymous = new LinkedHashSet<>();
    anonymousIds.forEach(a -> anonymous.add(a.value()));
    Set<String> users = new LinkedHashSet<>();
    userIds.forEach(u -> users.add(u.value()));
    if (anonymous.isEmpty() && users.isEmpty()) {
      return ErasedEvents.none();
    }
    Set<String> previous = new LinkedHashSet<>(anonymous);
    previous.addAll(users);
    long[] counts = sql.tx(c -> {
      lock(c);
      List<Long> seqs = new ArrayList<>();
      long bytes = 0;
      try (PreparedStatement ps = c.prepareStatement("select seq, message_id, pg_column_size(events.*) from events"
          + " where anonymous_id = any(?) or user_id = any(?) or previous_id = any(?)")) {
        ps.setArray(1, Sql.texts(c, anonymous));
        ps.setArray(2, Sql.texts(c, users));
        ps.setArray(3, Sql.texts(c, previous));
        try (ResultSet rs = ps.executeQuery();
            PreparedStatement keep = c.prepareStatement(
                "insert into erased_events (seq, message_digest) values (?, ?) on conflict do nothing")) {
          while (rs.next()) {
            seqs.add(rs.getLong(1));
            keep.setLong(1, rs.getLong(1));
            keep.setBytes(2, ErasedMessageIds.digest(rs.getString(2)));
            keep.addBatch();
            bytes += rs.getLong(3);
          }
          if (!seqs.isEmpty()) {
            keep.executeBatch();
          }
        }
      }
      if (!seqs.isEmpty()) {
        try (PreparedStatement del = c.prepareStatement("delete from events where seq = any(?)")) {
          del.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
          del.executeUpdate();
        }
      }
      return new long[] {seqs.size(), bytes};
    });
    if (counts[0] > 0) {
      vacuum();
    }
    return new ErasedEvents(counts[0], counts[1], counts[0] > 0 ? List.of("events") : List.of());
  }

  /**
   * {@inheritDoc} Deletes exactly the events before the cutoff; the highest number deleted is kept in
   * {@code erased_events} (without a digest) so that numbering goes on above it.
   */
  @Override
  public ErasedEvents deleteBefore(Instant cutoff) {
    checkOpen();
    long[] counts = sql.tx(c -> {
      lock(c);
      long deleted;
      long highest;
      long bytes;
      try (PreparedStatement ps = c.prepareStatement("select count(*), coalesce(max(seq), 0),"
          + " coalesce(sum(pg_column_size(events.*)), 0) from events where ts < ?")) {
        Sql.setInstant(ps, 1, cutoff);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          deleted = rs.getLong(1);
          highest = rs.getLong(2);
          bytes = rs.getLong(3);
        }
      }
      if (deleted > 0) {
        try (PreparedStatement mark = c.prepareStatement(
            "insert into erased_events (seq, message_digest) values (?, null) on conflict do nothing")) {
          mark.setLong(1, highest);
          mark.executeUpdate();
        }
        try (PreparedStatement del = c.prepareStatement("delete from events where ts < ?")) {
          Sql.setInstant(del, 1, cutoff);
          del.executeUpdate();
        }
      }
      return new long[] {deleted, bytes};
    });
    if (counts[0] > 0) {
      vacuum();
    }
    return new ErasedEvents(counts[0], 0, counts[0] > 0 ? List.of("events") : List.of());
  }

  private void lock(Connection c) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?, hashtext(?))")) {
      lock.setInt(1, LOCK_CLASS);
      lock.setString(2, schema);
      lock.execute();
    }
  }

  /** Reclaims the deleted rows' space now; needs auto-commit, so it is skipped inside a unit of work. */
  private void vacuum() {
    sql.read(c -> {
      if (c.getAutoCommit()) {
        try (Statement s = c.createStatement()) {
          s.execute("vacuum events");
        }
      }
      return null;
    });
  }

  private static void bind(PreparedStatement ps, long seq, EventEnvelope e) throws SQLException {
    ps.setLong(1, seq);
    ps.setString(2, e.messageId().value());
    ps.setString(3, e.type().wireName());
    ps.setString(4, e.name());
    ps.setString(5, e.anonymousId() == null ? null : e.anonymousId().value());
    ps.setString(6, e.userId() == null ? null : e.userId().value());
    ps.setString(7, e.previousId());
    Sql.setInstant(ps, 8, e.timestamp());
    Sql.setInstant(ps, 9, e.receivedAt());
    ps.setString(10, e.source().value());
    ps.setBytes(11, e.json());
  }

  @Override
  public Optional<StoredEvent> find(MessageId messageId) {
    checkOpen();
    List<StoredEvent> found = query("select " + COLUMNS + " from events where message_id = ?",
        ps -> ps.setString(1, messageId.value()));
    return found.stream().findFirst();
  }

  @Override
  public List<StoredEvent> readAfter(long afterSeq, int max) {
    checkOpen();
    requirePositive(max);
    return query("select " + COLUMNS + " from events where seq > ? order by seq limit ?", ps -> {
      ps.setLong(1, afterSeq);
      ps.setInt(2, max);
    });
  }

  @Override
  public List<StoredEvent> readByIdentity(Collection<AnonymousId> anonymousIds, Collection<UserId> userIds,
      long afterSeq, int max) {
    checkOpen();
    requirePositive(max);
    Set<String> anonymous = new LinkedHashSet<>();
    anonymousIds.forEach(a -> anonymous.add(a.value()));
    Set<String> users = new LinkedHashSet<>();
    userIds.forEach(u -> users.add(u.value()));
    if (anonymous.isEmpty() && users.isEmpty()) {
      return List.of();
    }
    // an alias's previous id may have been either kind of id
    Set<String> previous = new LinkedHashSet<>(anonymous);
    previous.addAll(users);
    // each arm can use its partial index (x = any(...) implies x is not null)
    return query("select " + COLUMNS + " from events where seq > ? and (anonymous_id = any(?) or user_id = any(?)"
        + " or previous_id = any(?)) order by seq limit ?", ps -> {
          ps.setLong(1, afterSeq);
          ps.setArray(2, Sql.texts(ps.getConnection(), anonymous));
          ps.setArray(3, Sql.texts(ps.getConnection(), users));
          ps.setArray(4, Sql.texts(ps.getConnection(), previous));
          ps.setInt(5, max);
        });
  }

  /** {@inheritDoc} Erased and deleted events count: their numbers are never given again. */
  @Override
  public long lastSeq() {
    checkOpen();
    return sql.read(PostgresEventLog::highestSeq);
  }

  @Override
  public long count() {
    checkOpen();
    return single("select count(*) from events");
  }

  @Override
  public boolean awaitAfter(long afterSeq, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!closed) {
      long before;
      synchronized (appended) {
        before = appends;
      }
      if (lastSeq() > afterSeq) {
        return true;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      long waitMillis = Math.max(1, Math.min(POLL_MILLIS, left / 1_000_000));
      synchronized (appended) {
        if (appends == before && !closed) {
          appended.wait(waitMillis);
        }
      }
    }
    return false;
  }

  /** Stops the log: later calls fail, waiters return. The connection pool belongs to {@link JdbcStores}. */
  @Override
  public void close() {
    closed = true;
    synchronized (appended) {
      appended.notifyAll();
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<StoredEvent> query(String statement, Binder binder) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(statement)) {
        binder.bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          List<StoredEvent> events = new ArrayList<>();
          while (rs.next()) {
            events.add(event(rs));
          }
          return events;
        }
      }
    });
  }

  private long single(String statement) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(statement); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  private static StoredEvent event(ResultSet rs) throws SQLException {
    String anonymous = rs.getString("anonymous_id");
    String user = rs.getString("user_id");
    EventType type = EventType.fromWire(rs.getString("type"))
        .orElseThrow(() -> new IllegalStateException("unknown event type in the log"));
    return new StoredEvent(rs.getLong("seq"), new EventEnvelope(MessageId.of(rs.getString("message_id")), type,
        rs.getString("name"), anonymous == null ? null : AnonymousId.of(anonymous),
        user == null ? null : UserId.of(user), rs.getString("previous_id"), Sql.instant(rs, "ts"),
        Sql.instant(rs, "received_at"), SourceId.of(rs.getString("source")), rs.getBytes("json")));
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the event log is closed");
    }
  }

  private static void requirePositive(int max) {
    if (max <= 0) {
      throw new IllegalArgumentException("max must be positive");
    }
  }
}
