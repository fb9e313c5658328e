package io.shopsense.store.jdbc;

import io.shopsense.api.access.ConsoleSession;
import io.shopsense.api.access.ConsoleSessions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The console sessions in the {@code console_sessions} table, by token hash. Thread-safe. */
final class JdbcConsoleSessions implements ConsoleSessions {
  private final Sql sql;

  JdbcConsoleSessions(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void create(ConsoleSession s) {
    sql.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("insert into console_sessions (token_hash, username, created_at, "
          + "last_seen_at, idle_expires_at, expires_at) values (?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, s.tokenHash());
        ps.setString(2, s.username());
        Sql.setInstant(ps, 3, s.createdAt());
        Sql.setInstant(ps, 4, s.lastSeenAt());
        Sql.setInstant(ps, 5, s.idleExpiresAt());
        Sql.setInstant(ps, 6, s.expiresAt());
        ps.executeUpdate();
      } catch (SQLException e) {
        if (Sql.isUniqueViolation(e)) {
          throw new IllegalArgumentException("a session with this token hash exists", e);
        }
        throw e;
      }
      return null;
    });
  }

  @Override
  public Optional<ConsoleSession> find(String tokenHash) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select token_hash, username, created_at, last_seen_at, "
          + "idle_expires_at, expires_at from console_sessions where token_hash = ?")) {
        ps.setString(1, tokenHash);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(new ConsoleSession(rs.getString("token_hash"), rs.getString("username"),
              Sql.instant(rs, "created_at"), Sql.instant(rs, "last_seen_at"), Sql.instant(rs, "idle_expires_at"),
              Sql.instant(rs, "expires_at")));
        }
      }
    });
  }

  @Override
  public void touch(String tokenHash, Instant lastSeenAt, Instant idleExpiresAt) {
    sql.tx(c -> {
      // only forwards: two requests of one session may commit in either order
      try (PreparedStatement ps = c.prepareStatement("update console_sessions set last_seen_at = ?, "
          + "idle_expires_at = ? where token_hash = ? and idle_expires_at <= ?")) {
        Sql.setInstant(ps, 1, lastSeenAt);
        Sql.setInstant(ps, 2, idleExpiresAt);
        ps.setString(3, tokenHash);
        Sql.setInstant(ps, 4, idleExpiresAt);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public boolean delete(String tokenHash) {
    return update("delete from console_sessions where token_hash = ?", tokenHash, null) > 0;
  }

  @Override
  public int deleteFor(String username) {
    return update("delete from console_sessions where username = ?", username, null);
  }

  @Override
  public int purgeExpired(Instant now) {
    return update("delete from console_sessions where idle_expires_at <= ? or expires_at <= ?", null, now);
  }

  private int update(String statement, String text, Instant at) {
    return sql.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement(statement)) {
        if (text != null) {
          ps.setString(1, text);
        } else {
          Sql.setInstant(ps, 1, at);
          Sql.setInstant(ps, 2, at);
        }
        return ps.executeUpdate();
      }
    });
  }
}
