package io.shopsense.store.jdbc.delivery;

import io.shopsense.api.delivery.Lease;
import io.shopsense.api.delivery.Leases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Leases in {@code delivery_leases}. Acquiring is an {@code insert ... on conflict do nothing} for a new name, else
 * one conditional update (free, expired, or already ours): each is a single statement under the row's lock, so of two
 * nodes racing for an expired lease one updates and the other, re-checking the condition after the lock, does not.
 * A release keeps the row with an empty holder, so the fencing token never restarts.
 */
final class JdbcLeases implements Leases {
  private static final Instant RELEASED = Instant.EPOCH;

  private final Db db;

  JdbcLeases(Db db) {
    this.db = db;
  }

  @Override
  public Optional<Lease> acquire(String name, String holder, Duration ttl, Instant now) {
    check(name, holder, ttl);
    Instant until = now.plus(ttl);
    return db.tx(c -> {
      int taken;
      try (PreparedStatement insert = c.prepareStatement("insert into delivery_leases (lease_name, holder, "
          + "expires_at, token) values (?, ?, ?, 1) on conflict do nothing")) {
        insert.setString(1, name);
        insert.setString(2, holder);
        Db.setInstant(insert, 3, until);
        taken = insert.executeUpdate();
      }
      if (taken == 0) {
        try (PreparedStatement update = c.prepareStatement("update delivery_leases set "
            + "token = case when holder = ? then token else token + 1 end, holder = ?, expires_at = ? "
            + "where lease_name = ? and (holder = ? or expires_at <= ?)")) {
          update.setString(1, holder);
          update.setString(2, holder);
          Db.setInstant(update, 3, until);
          update.setString(4, name);
          update.setString(5, holder);
          Db.setInstant(update, 6, now);
          taken = update.executeUpdate();
        }
      }
      return taken == 1 ? find(c, name) : Optional.<Lease>empty();
    });
  }

  @Override
  public boolean renew(String name, String holder, Duration ttl, Instant now) {
    check(name, holder, ttl);
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("update delivery_leases set expires_at = ? "
          + "where lease_name = ? and holder = ? and expires_at > ?")) {
        Db.setInstant(ps, 1, now.plus(ttl));
        ps.setString(2, name);
        ps.setString(3, holder);
        Db.setInstant(ps, 4, now);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean release(String name, String holder) {
    Db.requireText(name, "a lease name");
    Db.requireText(holder, "a lease holder");
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("update delivery_leases set holder = '', expires_at = ? "
          + "where lease_name = ? and holder = ?")) {
        Db.setInstant(ps, 1, RELEASED);
        ps.setString(2, name);
        ps.setString(3, holder);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public Optional<Lease> find(String name) {
    Db.requireText(name, "a lease name");
    return db.read(c -> find(c, name));
  }

  private static Optional<Lease> find(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select lease_name, holder, expires_at, token "
        + "from delivery_leases where lease_name = ? and holder <> ''")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Lease(rs.getString(1), rs.getString(2), Db.instant(rs, "expires_at"), rs.getLong(4)))
            : Optional.empty();
      }
    }
  }

  private static void check(String name, String holder, Duration ttl) {
    Db.requireText(name, "a lease name");
    Db.requireText(holder, "a lease holder");
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a lease needs a positive time to live, not " + ttl);
    }
  }
}
