package io.shopsense.store.jdbc.journey;

import io.shopsense.api.journey.BroadcastStore;
import io.shopsense.api.journey.SendSpec;
import io.shopsense.api.journey.StoredBroadcast;
import io.shopsense.store.jdbc.JdbcStoreException;
import io.shopsense.store.jdbc.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link BroadcastStore} in the {@code broadcasts} table (migration V13), on H2 in PostgreSQL mode or PostgreSQL; the
 * send spec is kept as columns. Each call is one statement. A create is a plain insert whose duplicate the primary key
 * refuses; an update is one conditional {@code update ... where broadcast_id = ? and status = ?}, which both databases
 * evaluate under the row's lock, so of two nodes that read a broadcast SCHEDULED only one moves it on. Instants and
 * the local send time are kept to the microsecond.
 */
public final class JdbcBroadcastStore implements BroadcastStore {
  /** Every column but the id, in the order {@link #bind} sets them; the id comes after them. */
  private static final String VALUE_COLUMNS = "name, segment_id, channel, template_id, content_category, topic, "
      + "priority, send_date, send_time, fallback_zone, status, run_at, audience_count, queued_count, "
      + "suppressed_count, held_count, created_at, updated_at";
  private static final int VALUES = 18;

  private final Sql sql;

  public JdbcBroadcastStore(Sql sql) {
    this.sql = Objects.requireNonNull(sql, "sql");
  }

  @Override
  public boolean create(StoredBroadcast broadcast) {
    Objects.requireNonNull(broadcast, "broadcast");
    try {
      return sql.tx(c -> {
        try (PreparedStatement ps = c.prepareStatement("insert into broadcasts (" + VALUE_COLUMNS
            + ", broadcast_id) values (" + Sql.placeholders(VALUES + 1) + ")")) {
          bind(ps, broadcast);
          return ps.executeUpdate() == 1;
        }
      });
    } catch (JdbcStoreException e) {
      // caught outside the transaction: PostgreSQL accepts nothing more in one after a failed statement
      if (e.getCause() instanceof SQLException cause && Sql.isUniqueViolation(cause)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Optional<StoredBroadcast> find(String id) {
    List<StoredBroadcast> found = select("where broadcast_id = ?", ps -> ps.setString(1, id));
    return found.stream().findFirst();
  }

  @Override
  public List<StoredBroadcast> list(int limit) {
    requirePositive(limit);
    return select("order by created_at desc, broadcast_id desc limit " + limit, ps -> { });
  }

  @Override
  public List<StoredBroadcast> due(Instant now, int limit) {
    Objects.requireNonNull(now, "now");
    requirePositive(limit);
    return select("where status = ? and run_at <= ? order by run_at, broadcast_id limit " + limit, ps -> {
      ps.setString(1, StoredBroadcast.Status.SCHEDULED.name());
      Sql.setInstant(ps, 2, now);
    });
  }

  @Override
  public boolean update(StoredBroadcast broadcast, StoredBroadcast.Status expected) {
    Objects.requireNonNull(broadcast, "broadcast");
    Objects.requireNonNull(expected, "expected");
    return sql.tx(c -> {
      // one statement, so the status check and the write are one step under the row's lock
      try (PreparedStatement ps = c.prepareStatement("update broadcasts set "
          + VALUE_COLUMNS.replace(",", " = ?,") + " = ? where broadcast_id = ? and status = ?")) {
        bind(ps, broadcast);
        ps.setString(VALUES + 2, expected.name());
        return ps.executeUpdate() == 1;
      }
    });
  }

  private static void requirePositive(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
  }

  /** Sets the {@link #VALUE_COLUMNS}, then the id. */
  private static void bind(PreparedStatement ps, StoredBroadcast b) throws SQLException {
    SendSpec spec = b.spec();
    ps.setString(1, b.name());
    ps.setString(2, b.segment());
    ps.setString(3, spec.channel());
    ps.setString(4, spec.templateId());
    ps.setString(5, spec.contentCategory());
    ps.setString(6, spec.topic());
    ps.setInt(7, spec.priority());
    ps.setObject(8, b.date());
    // truncated here, as instants are: H2 and PostgreSQL would round the nanoseconds each their own way
    ps.setObject(9, b.localTime().truncatedTo(ChronoUnit.MICROS));
    ps.setString(10, b.fallbackZone().getId());
    ps.setString(11, b.status().name());
    Sql.setInstant(ps, 12, b.runAt());
    StoredBroadcast.Counts n = b.counts();
    ps.setLong(13, n.audience());
    ps.setLong(14, n.queued());
    ps.setLong(15, n.suppressed());
    ps.setLong(16, n.held());
    Sql.setInstant(ps, 17, b.createdAt());
    Sql.setInstant(ps, 18, b.updatedAt());
    ps.setString(VALUES + 1, b.id());
  }

  /** Parameters of a query. */
  @FunctionalInterface
  private interface Params {
    void set(PreparedStatement ps) throws SQLException;
  }

  private List<StoredBroadcast> select(String rest, Params params) {
    return sql.read(c -> {
      List<StoredBroadcast> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("select broadcast_id, " + VALUE_COLUMNS + " from broadcasts "
          + rest)) {
        params.set(ps);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(broadcast(rs));
          }
        }
      }
      return out;
    });
  }

  private static StoredBroadcast broadcast(ResultSet rs) throws SQLException {
    SendSpec spec = new SendSpec(rs.getString("channel"), rs.getString("template_id"),
        rs.getString("content_category"), rs.getString("topic"), rs.getInt("priority"));
    StoredBroadcast.Counts counts = new StoredBroadcast.Counts(rs.getLong("audience_count"),
        rs.getLong("queued_count"), rs.getLong("suppressed_count"), rs.getLong("held_count"));
    return new StoredBroadcast(rs.getString("broadcast_id"), rs.getString("name"), rs.getString("segment_id"), spec,
        rs.getObject("send_date", LocalDate.class), rs.getObject("send_time", LocalTime.class),
        ZoneId.of(rs.getString("fallback_zone")), StoredBroadcast.Status.valueOf(rs.getString("status")),
        Sql.instant(rs, "run_at"), counts, Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
  }
}
