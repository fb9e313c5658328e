package io.shopsense.store.jdbc;

import io.shopsense.api.access.ApiKey;
import io.shopsense.api.access.ApiKeys;
import io.shopsense.api.access.ApiScope;
import io.shopsense.api.id.SourceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API keys in the {@code api_keys} table. Thread-safe. {@link #save} inserts a key or replaces the stored key with
 * the same id; a secret hash belongs to one key only ({@link IllegalArgumentException} otherwise). {@link #revoke}
 * keeps the first revocation time, so revoking again is harmless; revoking an unknown id is an
 * {@link IllegalArgumentException}. Keys are listed by creation time, then id.
 */
final class JdbcApiKeys implements ApiKeys {
  private static final String COLUMNS = "key_id, source, scopes, secret_hash, hint, created_at, revoked_at";

  private final Sql sql;

  JdbcApiKeys(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void save(ApiKey key) {
    sql.tx(c -> {
      try {
        if (replace(c, key) == 0 && insert(c, key) == 0) {
          throw new IllegalArgumentException("the secret hash of key " + key.id() + " belongs to another key");
        }
      } catch (SQLException e) {
        if (Sql.isUniqueViolation(e)) {
          throw new IllegalArgumentException("the secret hash of key " + key.id() + " belongs to another key", e);
        }
        throw e;
      }
      return null;
    });
  }

  private static int replace(Connection c, ApiKey key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("update api_keys set source = ?, scopes = ?, secret_hash = ?, "
        + "hint = ?, created_at = ?, revoked_at = ? where key_id = ?")) {
      bind(ps, 1, key);
      ps.setString(7, key.id());
      return ps.executeUpdate();
    }
  }

  /** Inserts the key unless its id or secret hash is taken (a concurrent save of the same id, or a hash clash). */
  private static int insert(Connection c, ApiKey key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into api_keys (key_id, source, scopes, secret_hash, hint, "
        + "created_at, revoked_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
      ps.setString(1, key.id());
      bind(ps, 2, key);
      if (ps.executeUpdate() == 1) {
        return 1;
      }
    }
    return replace(c, key); // the id was saved concurrently: replace it; 0 when the hash is another key's
  }

  private static void bind(PreparedStatement ps, int at, ApiKey key) throws SQLException {
    ps.setString(at, key.source().value());
    ps.setString(at + 1, key.scopes().stream().map(ApiScope::name).sorted().collect(Collectors.joining(",")));
    ps.setString(at + 2, key.secretHash());
    ps.setString(at + 3, key.hint());
    Sql.setInstant(ps, at + 4, key.createdAt());
    Sql.setInstant(ps, at + 5, key.revokedAt());
  }

  @Override
  public Optional<ApiKey> byHash(String secretHash) {
    return query("select " + COLUMNS + " from api_keys where secret_hash = ?", secretHash).stream().findFirst();
  }

  @Override
  public List<ApiKey> all() {
    return query("select " + COLUMNS + " from api_keys order by created_at, key_id", null);
  }

  @Override
  public void revoke(String id, Instant at) {
    sql.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "update api_keys set revoked_at = coalesce(revoked_at, ?) where key_id = ?")) {
        Sql.setInstant(ps, 1, at);
        ps.setString(2, id);
        if (ps.executeUpdate() == 0) {
          throw new IllegalArgumentException("no API key " + id);
        }
      }
      return null;
    });
  }

  private List<ApiKey> query(String statement, String parameter) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(statement)) {
        if (parameter != null) {
          ps.setString(1, parameter);
        }
        List<ApiKey> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(key(rs));
          }
        }
        return out;
      }
    });
  }

  private static ApiKey key(ResultSet rs) throws SQLException {
    Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
    String names = rs.getString("scopes");
    if (!names.isEmpty()) {
      Arrays.stream(names.split(",")).map(ApiScope::valueOf).forEach(scopes::add);
    }
    return new ApiKey(rs.getString("key_id"), SourceId.of(rs.getString("source")), scopes,
        rs.getString("secret_hash"), rs.getString("hint"), Sql.instant(rs, "created_at"),
        Sql.instant(rs, "revoked_at"));
  }
}
