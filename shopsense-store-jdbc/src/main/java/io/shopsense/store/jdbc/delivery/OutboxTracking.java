package io.shopsense.store.jdbc.delivery;

import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.delivery.DeliveryStatus;
import io.shopsense.api.delivery.Engagement;
import io.shopsense.api.delivery.StepReport;
import io.shopsense.api.id.PersonId;
import io.shopsense.store.jdbc.JdbcStoreException;
import io.shopsense.store.jdbc.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tracking side of {@link JdbcOutbox}: engagements, conversions and step reports on {@code delivery_outbox}.
 * Tracking sets a nullable column once ({@code ... where <column> is null}) and never touches {@code updated_at}:
 * for a DELIVERED row that column is the delivery time (no transition leaves DELIVERED), which attribution reads.
 */
final class OutboxTracking {
  private static final int MAX_ORDER_ID = 200;

  private final Db db;

  OutboxTracking(Db db) {
    this.db = db;
  }

  boolean track(DeliveryKey key, Engagement engagement, Instant at) {
    if (key == null || engagement == null || at == null) {
      throw new IllegalArgumentException("tracking needs a key, an engagement and its time");
    }
    String column = switch (engagement) {
      case OPENED -> "opened_at";
      case CLICKED -> "clicked_at";
      case UNSUBSCRIBED -> "unsubscribed_at";
    };
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("update delivery_outbox set " + column + " = ?"
          + JdbcOutbox.BY_KEY + " and " + column + " is null")) {
        Db.setInstant(ps, 1, at);
        JdbcOutbox.bindKey(ps, 2, key);
        return ps.executeUpdate() == 1;
      }
    });
  }

  Optional<DeliveryKey> attributeConversion(PersonId person, String orderId, Instant orderAt, Duration window,
      BigDecimal value) {
    if (person == null || orderAt == null || value == null) {
      throw new IllegalArgumentException("a conversion needs a person, the order's time and its value");
    }
    Db.requireText(orderId, "an order id");
    if (orderId.length() > MAX_ORDER_ID) {
      throw new IllegalArgumentException("an order id must be at most " + MAX_ORDER_ID + " characters");
    }
    if (window == null || window.isNegative()) {
      throw new IllegalArgumentException("the attribution window must not be negative, not " + window);
    }
    Instant from = orderAt.minus(window);
    // Pick, then credit guarded by "converted_at is null": a concurrent attribution of another order that took the
    // same message makes the update miss, and the next pick sees the message gone (each miss means one candidate
    // less, so this ends). The unique index on (person_id, conversion_order) stops the same order twice.
    while (true) {
      Optional<Candidate> pick = db.read(c -> candidate(c, person, orderId, from, orderAt));
      if (pick.isEmpty()) {
        return Optional.empty();
      }
      boolean credited;
      try {
        credited = db.tx(c -> {
          try (PreparedStatement ps = c.prepareStatement("update delivery_outbox set converted_at = ?, "
              + "conversion_order = ?, conversion_value = ? where id = ? and converted_at is null")) {
            Db.setInstant(ps, 1, orderAt);
            ps.setString(2, orderId);
            ps.setBigDecimal(3, value);
            ps.setLong(4, pick.get().id());
            return ps.executeUpdate() == 1;
          }
        });
      } catch (JdbcStoreException e) {
        if (e.getCause() instanceof SQLException s && Sql.isUniqueViolation(s)) {
          return Optional.empty(); // a concurrent attribution of the same order won
        }
        throw e;
      }
      if (credited) {
        return Optional.of(pick.get().key());
      }
    }
  }

  private record Candidate(long id, DeliveryKey key) {}

  /** The person's last delivered, uncredited message in [from, to]; none when the order was credited already. */
  private static Optional<Candidate> candidate(Connection c, PersonId person, String orderId, Instant from,
      Instant to) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select id, source, step from delivery_outbox where person_id = ? "
        + "and status = 'DELIVERED' and updated_at >= ? and updated_at <= ? and converted_at is null and not exists "
        + "(select 1 from delivery_outbox o where o.person_id = ? and o.conversion_order = ?) "
        + "order by updated_at desc, id desc limit 1")) {
      ps.setString(1, person.value());
      Db.setInstant(ps, 2, from);
      Db.setInstant(ps, 3, to);
      ps.setString(4, person.value());
      ps.setString(5, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Candidate(rs.getLong("id"),
            new DeliveryKey(rs.getString("source"), rs.getString("step"), person))) : Optional.empty();
      }
    }
  }

  List<StepReport> report(String source) {
    Db.requireText(source, "a source");
    return db.read(c -> {
      Map<String, Tally> steps = new TreeMap<>(); // sorted here: the backends' collations order text differently
      try (PreparedStatement ps = c.prepareStatement("select step, status, count(*), count(opened_at), "
          + "count(clicked_at), count(converted_at), count(unsubscribed_at), sum(conversion_value) "
          + "from delivery_outbox where source = ? group by step, status")) {
        ps.setString(1, source);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Tally t = steps.computeIfAbsent(rs.getString(1), s -> new Tally());
            t.statuses.merge(DeliveryStatus.valueOf(rs.getString(2)), rs.getLong(3), Long::sum);
            t.opened += rs.getLong(4);
            t.clicked += rs.getLong(5);
            t.converted += rs.getLong(6);
            t.unsubscribed += rs.getLong(7);
            BigDecimal revenue = rs.getBigDecimal(8);
            if (revenue != null) {
              t.revenue = t.revenue.add(revenue);
            }
          }
        }
      }
      List<StepReport> out = new ArrayList<>();
      steps.forEach((step, t) -> out.add(new StepReport(source, step, t.statuses, t.opened, t.clicked, t.converted,
          t.unsubscribed, t.revenue)));
      return out;
    });
  }

  /** One step's counts while the rows of its statuses come in. */
  private static final class Tally {
    final Map<DeliveryStatus, Long> statuses = new EnumMap<>(DeliveryStatus.class);
    long opened;
    long clicked;
    long converted;
    long unsubscribed;
    BigDecimal revenue = BigDecimal.ZERO;

    Tally() {
      for (DeliveryStatus s : DeliveryStatus.values()) {
        statuses.put(s, 0L);
      }
    }
  }
}
