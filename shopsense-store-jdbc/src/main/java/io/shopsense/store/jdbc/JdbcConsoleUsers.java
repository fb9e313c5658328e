package io.shopsense.store.jdbc;

import io.shopsense.api.access.ConsoleRole;
import io.shopsense.api.access.ConsoleUser;
import io.shopsense.api.access.ConsoleUsers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The console users in the {@code console_users} table. Thread-safe. {@link #save} inserts or replaces by user name;
 * {@link #create} inserts only when the name is free; users are listed by name.
 */
final class JdbcConsoleUsers implements ConsoleUsers {
  private static final String COLUMNS = "username, roles, password_hash, created_at, password_changed_at, disabled_at";

  private final Sql sql;

  JdbcConsoleUsers(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void save(ConsoleUser user) {
    sql.upsert(c -> {
      if (update(c, user) == 0) {
        insert(c, user, false);
      }
      return null;
    });
  }

  @Override
  public boolean create(ConsoleUser user) {
    return sql.tx(c -> insert(c, user, true) == 1);
  }

  private static int update(Connection c, ConsoleUser user) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("update console_users set roles = ?, password_hash = ?, "
        + "created_at = ?, password_changed_at = ?, disabled_at = ? where username = ?")) {
      bind(ps, 1, user);
      ps.setString(6, user.username());
      return ps.executeUpdate();
    }
  }

  private static int insert(Connection c, ConsoleUser user, boolean ifAbsent) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into console_users (username, roles, password_hash, "
        + "created_at, password_changed_at, disabled_at) values (?, ?, ?, ?, ?, ?)"
        + (ifAbsent ? " on conflict do nothing" : ""))) {
      ps.setString(1, user.username());
      bind(ps, 2, user);
      return ps.executeUpdate();
    }
  }

  private static void bind(PreparedStatement ps, int at, ConsoleUser user) throws SQLException {
    ps.setString(at, user.roles().stream().map(ConsoleRole::name).sorted().collect(Collectors.joining(",")));
    ps.setString(at + 1, user.passwordHash());
    Sql.setInstant(ps, at + 2, user.createdAt());
    Sql.setInstant(ps, at + 3, user.passwordChangedAt());
    Sql.setInstant(ps, at + 4, user.disabledAt());
  }

  @Override
  public Optional<ConsoleUser> find(String username) {
    return query("select " + COLUMNS + " from console_users where username = ?", username).stream().findFirst();
  }

  @Override
  public List<ConsoleUser> all() {
    return query("select " + COLUMNS + " from console_users order by username", null);
  }

  @Override
  public boolean delete(String username) {
    return sql.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("delete from console_users where username = ?")) {
        ps.setString(1, username);
        return ps.executeUpdate() > 0;
      }
    });
  }

  private List<ConsoleUser> query(String statement, String parameter) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(statement)) {
        if (parameter != null) {
          ps.setString(1, parameter);
        }
        List<ConsoleUser> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(user(rs));
          }
        }
        return out;
      }
    });
  }

  private static ConsoleUser user(ResultSet rs) throws SQLException {
    Set<ConsoleRole> roles = EnumSet.noneOf(ConsoleRole.class);
    Arrays.stream(rs.getString("roles").split(",")).filter(s -> !s.isEmpty()).map(ConsoleRole::valueOf)
        .forEach(roles::add);
    return new ConsoleUser(rs.getString("username"), roles, rs.getString("password_hash"),
        Sql.instant(rs, "created_at"), Sql.instant(rs, "password_changed_at"), Sql.instant(rs, "disabled_at"));
  }
}
