package io.shopsense.store.jdbc;

import io.shopsense.api.profile.ProfileFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The columns of the {@code profiles} table that hold a {@link ProfileFacts}, in one order for every statement. The
 * net revenue is kept to {@value #REVENUE_SCALE} decimals (rounded half-up here, so that both backends keep the same
 * value) and read back without trailing zeros, so that a value comes back the same on both backends: equal by value
 * to what was written, not necessarily in scale ({@code 19.90} comes back as {@code 19.9}).
 */
final class ProfileFactColumns {
  /** The column list, for selects and inserts. */
  static final String NAMES = "lifecycle_stage, stage_since, recency, frequency, monetary, rfm_segment, events, "
      + "orders, net_revenue, first_seen, last_seen, last_order, days_between_orders";
  /** {@code column = ?, ...}, for updates. */
  static final String ASSIGNMENTS = NAMES.replace(",", " = ?,") + " = ?";
  /** The number of columns, so of placeholders a bind fills. */
  static final int COUNT = NAMES.split(",").length;
  /** The decimals of {@code net_revenue}, as the migration declares it. */
  static final int REVENUE_SCALE = 8;

  private ProfileFactColumns() {}

  /** Binds the facts to the {@link #COUNT} placeholders from {@code at} on. */
  static void bind(PreparedStatement ps, int at, ProfileFacts f) throws SQLException {
    ps.setString(at, f.lifecycleStage());
    Sql.setInstant(ps, at + 1, f.stageSince());
    Sql.setIntOrNull(ps, at + 2, f.recency());
    Sql.setIntOrNull(ps, at + 3, f.frequency());
    Sql.setIntOrNull(ps, at + 4, f.monetary());
    ps.setString(at + 5, f.rfmSegment());
    ps.setLong(at + 6, f.events());
    ps.setLong(at + 7, f.orders());
    ps.setBigDecimal(at + 8, revenue(f.netRevenue()));
    Sql.setInstant(ps, at + 9, f.firstSeen());
    Sql.setInstant(ps, at + 10, f.lastSeen());
    Sql.setInstant(ps, at + 11, f.lastOrder());
    Sql.setDoubleOrNull(ps, at + 12, f.daysBetweenOrders());
  }

  /** The facts of the current row (selected by name, so the columns may be in any order). */
  static ProfileFacts read(ResultSet rs) throws SQLException {
    return new ProfileFacts(rs.getString("lifecycle_stage"), Sql.instant(rs, "stage_since"),
        Sql.intOrNull(rs, "recency"), Sql.intOrNull(rs, "frequency"), Sql.intOrNull(rs, "monetary"),
        rs.getString("rfm_segment"), rs.getLong("events"), rs.getLong("orders"),
        plain(rs.getBigDecimal("net_revenue")), Sql.instant(rs, "first_seen"), Sql.instant(rs, "last_seen"),
        Sql.instant(rs, "last_order"), Sql.doubleOrNull(rs, "days_between_orders"));
  }

  /** The revenue as it will be stored: at most {@value #REVENUE_SCALE} decimals. */
  static BigDecimal revenue(BigDecimal value) {
    return value.scale() > REVENUE_SCALE ? value.setScale(REVENUE_SCALE, RoundingMode.HALF_UP) : value;
  }

  /** Without trailing zeros after the point, never in exponent form ({@code 120.00000000} → {@code 120}). */
  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
