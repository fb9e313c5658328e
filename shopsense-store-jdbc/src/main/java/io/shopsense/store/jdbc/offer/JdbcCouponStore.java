package io.shopsense.store.jdbc.offer;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.offer.CouponGrant;
import io.shopsense.api.offer.CouponPool;
import io.shopsense.api.offer.CouponStore;
import io.shopsense.api.offer.GrantRefusal;
import io.shopsense.api.offer.GrantResult;
import io.shopsense.api.offer.PoolUsage;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Coupon pools and grants in {@code coupon_pools}, {@code coupon_person_grants} and {@code coupon_grants}. A grant is
 * one transaction: the pool's counters are spent by a conditional update ({@code where granted_count < budget_count
 * ...}), which both databases evaluate under the row's lock, so concurrent grants — in this process or another —
 * never pass the budget; the person's count likewise; a concurrent grant of the same key, or a code already taken,
 * fails on a unique index, rolls everything back and is run again (then it finds the key's grant, or draws another
 * code). An erasure deletes a person's grants but keeps their unique codes in {@code coupon_retired_codes}, which a
 * grant never draws from.
 */
public final class JdbcCouponStore implements CouponStore {
  private static final String GRANT_COLUMNS = "pool_id, grant_key, person_id, code, granted_at, redeemed_at, "
      + "order_id, discount";

  private static final String UNIQUE_VIOLATION = "23505";

  private final OfferSql sql;

  JdbcCouponStore(OfferSql sql) {
    this.sql = sql;
  }

  @Override
  public void savePool(CouponPool p) {
    sql.tx(c -> {
      try (PreparedStatement update = c.prepareStatement("update coupon_pools set code_kind = ?, fixed_code = ?, "
          + "value_kind = ?, face = ?, max_discount = ?, minimum_spend = ?, expires_at = ?, budget_count = ?, "
          + "budget_money = ?, per_person_limit = ? where pool_id = ?")) {
        bindPool(update, p);
        if (update.executeUpdate() == 1) {
          return null;
        }
      }
      try (PreparedStatement insert = c.prepareStatement("insert into coupon_pools (code_kind, fixed_code, "
          + "value_kind, face, max_discount, minimum_spend, expires_at, budget_count, budget_money, per_person_limit, "
          + "pool_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        bindPool(insert, p);
        insert.executeUpdate();
      }
      return null;
    });
  }

  private static void bindPool(PreparedStatement ps, CouponPool p) throws SQLException {
    ps.setString(1, p.codes().name());
    ps.setString(2, p.fixedCode());
    ps.setString(3, p.valueKind().name());
    ps.setBigDecimal(4, p.value());
    ps.setBigDecimal(5, p.maxDiscount());
    ps.setBigDecimal(6, p.minimumSpend());
    OfferSql.setInstant(ps, 7, p.expiresAt());
    if (p.budgetCount() == null) {
      ps.setNull(8, Types.BIGINT);
    } else {
      ps.setLong(8, p.budgetCount());
    }
    ps.setBigDecimal(9, p.budgetMoney());
    ps.setInt(10, p.perPersonLimit());
    ps.setString(11, p.id());
  }

  @Override
  public Optional<CouponPool> pool(String poolId) {
    return sql.read(c -> pool(c, poolId));
  }

  private static Optional<CouponPool> pool(Connection c, String poolId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select * from coupon_pools where pool_id = ?")) {
      ps.setString(1, poolId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long count = rs.getLong("budget_count");
        Long budgetCount = rs.wasNull() ? null : count;
        return Optional.of(new CouponPool(rs.getString("pool_id"),
            CouponPool.CodeKind.valueOf(rs.getString("code_kind")), rs.getString("fixed_code"),
            CouponPool.ValueKind.valueOf(rs.getString("value_kind")), plain(rs.getBigDecimal("face")),
            plain(rs.getBigDecimal("max_discount")), plain(rs.getBigDecimal("minimum_spend")),
            OfferSql.instant(rs, "expires_at"), budgetCount, plain(rs.getBigDecimal("budget_money")),
            rs.getInt("per_person_limit")));
      }
    }
  }

  /** Without the column's trailing zeros, so that a value reads back equal to what was saved. */
  private static BigDecimal plain(BigDecimal d) {
    if (d == null) {
      return null;
    }
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  @Override
  public GrantResult grant(String poolId, PersonId person, String key, Supplier<String> codes, Instant at) {
    return sql.tx(c -> {
      Optional<CouponGrant> earlier = grant(c, poolId, key);
      if (earlier.isPresent()) {
        return new GrantResult.Granted(earlier.get(), false);
      }
      Optional<CouponPool> found = pool(c, poolId);
      if (found.isEmpty()) {
        return new GrantResult.Refused(GrantRefusal.UNKNOWN_POOL, "no coupon pool " + poolId);
      }
      CouponPool pool = found.get();
      BigDecimal face = pool.faceValue();
      try (PreparedStatement spend = c.prepareStatement("update coupon_pools set granted_count = granted_count + 1, "
          + "granted_money = granted_money + ? where pool_id = ? "
          + "and (budget_count is null or granted_count < budget_count) "
          + "and (budget_money is null or granted_money + ? <= budget_money)")) {
        spend.setBigDecimal(1, face);
        spend.setString(2, poolId);
        spend.setBigDecimal(3, face);
        if (spend.executeUpdate() == 0) {
          throw new OfferSql.Abort(new GrantResult.Refused(GrantRefusal.BUDGET_EXHAUSTED, "the budget of pool "
              + poolId + " is spent"));
        }
      }
      try (PreparedStatement count = c.prepareStatement("update coupon_person_grants set granted = granted + 1 "
          + "where pool_id = ? and person_id = ? and granted < ?")) {
        count.setString(1, poolId);
        count.setString(2, person.value());
        count.setInt(3, pool.perPersonLimit());
        if (count.executeUpdate() == 0) {
          if (personRowExists(c, poolId, person)) {
            throw new OfferSql.Abort(new GrantResult.Refused(GrantRefusal.PER_PERSON_LIMIT, person + " already "
                + "holds " + pool.perPersonLimit() + " coupon(s) of pool " + poolId + ", the most allowed"));
          }
          try (PreparedStatement first = c.prepareStatement("insert into coupon_person_grants (pool_id, person_id, "
              + "granted) values (?, ?, 1)")) {
            first.setString(1, poolId);
            first.setString(2, person.value());
            first.executeUpdate(); // a concurrent first grant makes this a unique violation: the grant runs again
          }
        }
      }
      String code = pool.codes() == CouponPool.CodeKind.FIXED ? pool.fixedCode() : codes.get();
      Instant grantedAt = OfferSql.stored(at);
      try (PreparedStatement insert = c.prepareStatement("insert into coupon_grants (pool_id, grant_key, person_id, "
          + "code, unique_code, granted_at) values (?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, poolId);
        insert.setString(2, key);
        insert.setString(3, person.value());
        insert.setString(4, code);
        insert.setString(5, pool.codes() == CouponPool.CodeKind.UNIQUE ? code : null);
        OfferSql.setInstant(insert, 6, grantedAt);
        insert.executeUpdate();
      }
      if (pool.codes() == CouponPool.CodeKind.UNIQUE && retired(c, code)) {
        // checked after the insert, not before: an erasure that retires the code while the insert waits for the
        // erased grant's row in the unique index is seen here too. Run again, drawing another code.
        throw new SQLException("coupon code retired meanwhile", UNIQUE_VIOLATION);
      }
      return new GrantResult.Granted(new CouponGrant(poolId, key, person, code, grantedAt, null, null, null), true);
    });
  }

  private static boolean retired(Connection c, String code) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select 1 from coupon_retired_codes where code = ?")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static boolean personRowExists(Connection c, String poolId, PersonId person) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select 1 from coupon_person_grants where pool_id = ? "
        + "and person_id = ?")) {
      ps.setString(1, poolId);
      ps.setString(2, person.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Override
  public Optional<CouponGrant> grant(String poolId, String key) {
    return sql.read(c -> grant(c, poolId, key));
  }

  private static Optional<CouponGrant> grant(Connection c, String poolId, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select " + GRANT_COLUMNS + " from coupon_grants "
        + "where pool_id = ? and grant_key = ?")) {
      ps.setString(1, poolId);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public List<CouponGrant> grantsByCode(String code, PersonId person) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select " + GRANT_COLUMNS + " from coupon_grants "
          + "where code = ? and person_id = ? order by case when redeemed_at is null then 0 else 1 end, granted_at, "
          + "grant_key")) {
        ps.setString(1, code);
        ps.setString(2, person.value());
        List<CouponGrant> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(row(rs));
          }
        }
        return out;
      }
    });
  }

  @Override
  public boolean codeExists(String code) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select 1 from coupon_grants where code = ? union all "
          + "select 1 from coupon_retired_codes where code = ? limit 1")) {
        ps.setString(1, code);
        ps.setString(2, code);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  @Override
  public long grantCount(String poolId, Collection<PersonId> persons) {
    if (persons.isEmpty()) {
      return 0;
    }
    return sql.read(c -> grantCount(c, poolId, persons));
  }

  private static long grantCount(Connection c, String poolId, Collection<PersonId> persons) throws SQLException {
    long n = 0;
    try (PreparedStatement ps = c.prepareStatement("select count(*) from coupon_grants where pool_id = ? "
        + "and person_id = ?")) {
      for (PersonId p : persons.stream().distinct().toList()) {
        ps.setString(1, poolId);
        ps.setString(2, p.value());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          n += rs.getLong(1);
        }
      }
    }
    return n;
  }

  @Override
  public boolean redeem(String poolId, String key, String orderId, BigDecimal discount, Instant at) {
    return sql.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("update coupon_grants set redeemed_at = ?, order_id = ?, "
          + "discount = ? where pool_id = ? and grant_key = ? and redeemed_at is null")) {
        OfferSql.setInstant(ps, 1, at);
        ps.setString(2, orderId);
        ps.setBigDecimal(3, discount);
        ps.setString(4, poolId);
        ps.setString(5, key);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public PoolUsage usage(String poolId) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select granted_count, granted_money from coupon_pools "
          + "where pool_id = ?")) {
        ps.setString(1, poolId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? new PoolUsage(rs.getLong(1), plain(rs.getBigDecimal(2)))
              : new PoolUsage(0, BigDecimal.ZERO);
        }
      }
    });
  }

  @Override
  public int erase(PersonId person) {
    return sql.tx(c -> {
      // retire the codes first, in the same transaction: a grant drawing one of them meanwhile waits on the unique
      // index for this delete and then sees the code retired
      try (PreparedStatement retire = c.prepareStatement("insert into coupon_retired_codes (code) "
          + "select unique_code from coupon_grants g where person_id = ? and unique_code is not null "
          + "and not exists (select 1 from coupon_retired_codes r where r.code = g.unique_code)")) {
        retire.setString(1, person.value());
        retire.executeUpdate();
      }
      int erased;
      try (PreparedStatement grants = c.prepareStatement("delete from coupon_grants where person_id = ?")) {
        grants.setString(1, person.value());
        erased = grants.executeUpdate();
      }
      // the pools' granted_count and granted_money are left alone: what was spent stays spent
      try (PreparedStatement counts = c.prepareStatement("delete from coupon_person_grants where person_id = ?")) {
        counts.setString(1, person.value());
        counts.executeUpdate();
      }
      return erased;
    });
  }

  private static CouponGrant row(ResultSet rs) throws SQLException {
    return new CouponGrant(rs.getString("pool_id"), rs.getString("grant_key"), PersonId.of(rs.getString("person_id")),
        rs.getString("code"), OfferSql.instant(rs, "granted_at"), OfferSql.instant(rs, "redeemed_at"),
        rs.getString("order_id"), plain(rs.getBigDecimal("discount")));
  }
}
