package io.shopsense.store.jdbc.journey;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.journey.Enrolment;
import io.shopsense.api.journey.JourneyStore;
import io.shopsense.api.journey.StoredJourney;
import io.shopsense.store.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link JourneyStore} in the {@code journey_definitions} and {@code journey_enrolments} tables (migration V11), on a
 * data source whose database the stores' Flyway migrations have brought up to date (H2 in PostgreSQL mode or
 * PostgreSQL). Each call is one auto-committed statement, except saving a definition (one transaction); instants are
 * stored to the microsecond. Racing enrolments of one entry are settled by the primary key; an update never touches
 * an ended enrolment.
 */
public final class JdbcJourneyStore implements JourneyStore {
  private static final String ENROLMENT_COLUMNS = "journey_id, person_id, entry, version, step_id, status, waiting, "
      + "wake_at, entered_at, updated_at, end_reason";
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  public JdbcJourneyStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A statement's work on one connection. */
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T tx(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("journey store: " + e.getMessage(), e);
    }
  }

  /** One statement in its own (auto-committed) transaction: no extra round trip for a commit. */
  private <T> T single(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      return work.run(c);
    } catch (SQLException e) {
      throw new JdbcStoreException("journey store: " + e.getMessage(), e);
    }
  }

  @Override
  public void saveDefinition(StoredJourney journey) {
    tx(c -> {
      Optional<StoredJourney> old = definition(c, journey.journeyId(), journey.version());
      if (old.isPresent()) {
        if (!old.get().definitionJson().equals(journey.definitionJson())) {
          throw new IllegalStateException("journey " + journey.journeyId() + " v" + journey.version()
              + " is already saved with other content; save a new version");
        }
        return null;
      }
      try (PreparedStatement ps = c.prepareStatement("insert into journey_definitions (journey_id, version, body, "
          + "live, saved_at) values (?, ?, ?, ?, ?)")) {
        ps.setString(1, journey.journeyId());
        ps.setInt(2, journey.version());
        ps.setString(3, journey.definitionJson());
        ps.setBoolean(4, journey.live());
        setInstant(ps, 5, journey.savedAt());
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<StoredJourney> definition(String journeyId, int version) {
    return single(c -> definition(c, journeyId, version));
  }

  private static Optional<StoredJourney> definition(Connection c, String journeyId, int version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select journey_id, version, body, live, saved_at from "
        + "journey_definitions where journey_id = ? and version = ?")) {
      ps.setString(1, journeyId);
      ps.setInt(2, version);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(journey(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public List<StoredJourney> latestDefinitions() {
    return single(c -> {
      List<StoredJourney> list = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("select d.journey_id, d.version, d.body, d.live, d.saved_at "
          + "from journey_definitions d where d.version = (select max(v.version) from journey_definitions v "
          + "where v.journey_id = d.journey_id) order by d.journey_id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          list.add(journey(rs));
        }
      }
      return list;
    });
  }

  private static StoredJourney journey(ResultSet rs) throws SQLException {
    return new StoredJourney(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4), instant(rs, 5));
  }

  @Override
  public boolean setLive(String journeyId, int version, boolean live) {
    return single(c -> {
      try (PreparedStatement ps = c.prepareStatement("update journey_definitions set live = ? where journey_id = ? "
          + "and version = ?")) {
        ps.setBoolean(1, live);
        ps.setString(2, journeyId);
        ps.setInt(3, version);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean enrol(Enrolment e) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      try (PreparedStatement ps = c.prepareStatement("insert into journey_enrolments (" + ENROLMENT_COLUMNS
          + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, e.journeyId());
        ps.setString(2, e.person().value());
        ps.setInt(3, e.entry());
        ps.setInt(4, e.version());
        ps.setString(5, e.stepId());
        ps.setString(6, e.status().name());
        ps.setBoolean(7, e.waiting());
        setInstant(ps, 8, e.wakeAt());
        setInstant(ps, 9, e.enteredAt());
        setInstant(ps, 10, e.updatedAt());
        ps.setString(11, e.endReason());
        ps.executeUpdate();
        return true;
      } catch (SQLException ex) {
        if (UNIQUE_VIOLATION.equals(ex.getSQLState())) {
          return false;
        }
        throw ex;
      }
    } catch (SQLException ex) {
      throw new JdbcStoreException("journey store: " + ex.getMessage(), ex);
    }
  }

  @Override
  public boolean update(Enrolment e) {
    return single(c -> {
      try (PreparedStatement ps = c.prepareStatement("update journey_enrolments set version = ?, step_id = ?, "
          + "status = ?, waiting = ?, wake_at = ?, entered_at = ?, updated_at = ?, end_reason = ? "
          + "where journey_id = ? and person_id = ? and entry = ? and status = 'ACTIVE'")) {
        ps.setInt(1, e.version());
        ps.setString(2, e.stepId());
        ps.setString(3, e.status().name());
        ps.setBoolean(4, e.waiting());
        setInstant(ps, 5, e.status() == Enrolment.Status.ACTIVE ? e.wakeAt() : null);
        setInstant(ps, 6, e.enteredAt());
        setInstant(ps, 7, e.updatedAt());
        ps.setString(8, e.endReason());
        ps.setString(9, e.journeyId());
        ps.setString(10, e.person().value());
        ps.setInt(11, e.entry());
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public List<Enrolment> enrolments(String journeyId, PersonId person) {
    return select("where journey_id = ? and person_id = ? order by entry", -1, journeyId, person.value());
  }

  @Override
  public List<Enrolment> active(PersonId person) {
    return select("where person_id = ? and status = 'ACTIVE' order by journey_id, entry", -1, person.value());
  }

  @Override
  public List<Enrolment> due(Instant now, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
    return select("where wake_at <= ? and status = 'ACTIVE' order by wake_at, journey_id, person_id, entry", limit,
        now);
  }

  @Override
  public Map<Enrolment.Status, Long> countByStatus(String journeyId) {
    return single(c -> {
      Map<Enrolment.Status, Long> counts = new EnumMap<>(Enrolment.Status.class);
      try (PreparedStatement ps = c.prepareStatement("select status, count(*) from journey_enrolments "
          + "where journey_id = ? group by status")) {
        ps.setString(1, journeyId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            counts.put(Enrolment.Status.valueOf(rs.getString(1)), rs.getLong(2));
          }
        }
      }
      return counts;
    });
  }

  @Override
  public int erase(PersonId person) {
    return single(c -> {
      try (PreparedStatement ps = c.prepareStatement("delete from journey_enrolments where person_id = ?")) {
        ps.setString(1, person.value());
        return ps.executeUpdate();
      }
    });
  }

  private List<Enrolment> select(String where, int limit, Object... params) {
    return single(c -> {
      List<Enrolment> list = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("select " + ENROLMENT_COLUMNS + " from journey_enrolments "
          + where + (limit > 0 ? " limit " + limit : ""))) {
        for (int i = 0; i < params.length; i++) {
          if (params[i] instanceof Instant t) {
            setInstant(ps, i + 1, t);
          } else {
            ps.setString(i + 1, (String) params[i]);
          }
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            list.add(new Enrolment(rs.getString(1), rs.getInt(4), PersonId.of(rs.getString(2)), rs.getInt(3),
                rs.getString(5), Enrolment.Status.valueOf(rs.getString(6)), rs.getBoolean(7), instant(rs, 8),
                instant(rs, 9), instant(rs, 10), rs.getString(11)));
          }
        }
      }
      return list;
    });
  }

  private static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
