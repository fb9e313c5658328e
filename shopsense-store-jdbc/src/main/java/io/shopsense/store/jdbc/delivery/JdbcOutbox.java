package io.shopsense.store.jdbc.delivery;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.delivery.DeliveryStatus;
import io.shopsense.api.delivery.Engagement;
import io.shopsense.api.delivery.Outbox;
import io.shopsense.api.delivery.OutboundMessage;
import io.shopsense.api.delivery.OutboxEntry;
import io.shopsense.api.delivery.StepReport;
import io.shopsense.api.id.PersonId;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The outbox in {@code delivery_outbox}. An enqueue is a multi-row {@code insert ... on conflict do nothing} (exact
 * counts on both backends, unlike a JDBC batch that PostgreSQL's driver rewrites); the unique key index is the guard
 * against another process. A claim picks candidates, then takes them with one conditional update that only changes
 * rows still claimable, and reads back the rows that now carry its token: a concurrent claimer waits for the row
 * locks, finds the condition false and skips those rows, so no row is claimed twice. Outcomes are conditional updates on the claim token.
 * Tracking, attribution and reports are in {@link OutboxTracking}.
 */
final class JdbcOutbox implements Outbox {
  private static final int ROWS_PER_INSERT = 500;
  private static final String COLUMNS = "id, source, step, person_id, channel, recipient, subject, body_text, "
      + "body_html, unsubscribe_url, extras, status, attempts, due_at, claim_token, lease_until, detail, enqueued_at, "
      + "updated_at";
  private static final String INSERT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, '', null, '', ?, ?)";
  static final String BY_KEY = " where source = ? and step = ? and person_id = ?";

  private final Db db;
  private final OutboxTracking tracking;

  JdbcOutbox(Db db) {
    this.db = db;
    this.tracking = new OutboxTracking(db);
  }

  @Override
  public int enqueue(Collection<Pending> messages, Instant now) {
    if (now == null) {
      throw new IllegalArgumentException("enqueue needs the time now");
    }
    Map<String, Pending> unique = new LinkedHashMap<>();
    for (Pending p : messages) {
      unique.putIfAbsent(p.message().key().value(), p);
    }
    if (unique.isEmpty()) {
      return 0;
    }
    List<Pending> rows = List.copyOf(unique.values());
    return db.tx(c -> {
      int added = 0;
      for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
        List<Pending> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
        String statement = "insert into delivery_outbox (source, step, person_id, channel, recipient, subject, "
            + "body_text, body_html, unsubscribe_url, extras, status, attempts, due_at, claim_token, lease_until, "
            + "detail, enqueued_at, updated_at) values " + String.join(", ", java.util.Collections.nCopies(
                chunk.size(), INSERT_ROW)) + " on conflict do nothing";
        try (PreparedStatement ps = c.prepareStatement(statement)) {
          int i = 1;
          for (Pending p : chunk) {
            OutboundMessage m = p.message();
            ps.setString(i++, m.key().source());
            ps.setString(i++, m.key().step());
            ps.setString(i++, m.key().person().value());
            ps.setString(i++, m.channel().wireName());
            ps.setString(i++, m.recipient());
            ps.setString(i++, m.subject());
            ps.setString(i++, m.text());
            ps.setString(i++, m.html());
            ps.setString(i++, m.unsubscribeUrl());
            ps.setString(i++, encode(m.data()));
            Db.setInstant(ps, i++, p.dueAt());
            Db.setInstant(ps, i++, now);
            Db.setInstant(ps, i++, now);
          }
          added += ps.executeUpdate();
        }
      }
      return added;
    });
  }

  @Override
  public List<OutboxEntry> claim(String claimToken, Instant now, Duration lease, int limit) {
    Db.requireText(claimToken, "a claim token");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, not " + limit);
    }
    if (lease == null || lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("a claim needs a positive lease, not " + lease);
    }
    Instant until = now.plus(lease);
    return db.tx(c -> {
      List<long[]> candidates = new ArrayList<>(); // {id, due epoch micros} to order the two kinds together
      candidates(c, "select id, due_at from delivery_outbox where status = 'QUEUED' and due_at <= ? "
          + "order by due_at, id limit ?", now, limit, candidates);
      candidates(c, "select id, due_at from delivery_outbox where status = 'SENDING' and lease_until <= ? "
          + "order by lease_until, id limit ?", now, limit, candidates);
      candidates.sort(Comparator.<long[]>comparingLong(r -> r[1]).thenComparingLong(r -> r[0]));
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < candidates.size() && ids.size() < limit; i++) {
        ids.add(candidates.get(i)[0]);
      }
      List<OutboxEntry> out = new ArrayList<>();
      if (ids.isEmpty()) {
        return out;
      }
      String in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
      try (PreparedStatement take = c.prepareStatement("update delivery_outbox set status = 'SENDING', "
          + "claim_token = ?, lease_until = ?, attempts = attempts + 1, updated_at = ? where id in (" + in + ") and "
          + "((status = 'QUEUED' and due_at <= ?) or (status = 'SENDING' and lease_until <= ?))")) {
        int i = 1;
        take.setString(i++, claimToken);
        Db.setInstant(take, i++, until);
        Db.setInstant(take, i++, now);
        for (long id : ids) {
          take.setLong(i++, id);
        }
        Db.setInstant(take, i++, now);
        Db.setInstant(take, i, now);
        take.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from delivery_outbox where id in ("
          + in + ") and claim_token = ? and status = 'SENDING'")) {
        int i = 1;
        for (long id : ids) {
          ps.setLong(i++, id);
        }
        ps.setString(i, claimToken);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(row(rs));
          }
        }
      }
      out.sort(Comparator.comparing(OutboxEntry::dueAt).thenComparingLong(OutboxEntry::id));
      return out;
    });
  }

  private static void candidates(Connection c, String query, Instant now, int limit, List<long[]> into)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(query)) {
      Db.setInstant(ps, 1, now);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Instant due = Db.instant(rs, "due_at");
          into.add(new long[] {rs.getLong("id"), due.getEpochSecond() * 1_000_000L + due.getNano() / 1_000});
        }
      }
    }
  }

  @Override
  public boolean markDelivered(DeliveryKey key, String claimToken, String providerId, Instant now) {
    return outcome(key, claimToken, DeliveryStatus.DELIVERED, providerId == null ? "" : providerId, null, now);
  }

  @Override
  public boolean markRetry(DeliveryKey key, String claimToken, String reason, Instant dueAt, Instant now) {
    if (dueAt == null) {
      throw new IllegalArgumentException("a retry needs a due time");
    }
    return outcome(key, claimToken, DeliveryStatus.QUEUED, reason, dueAt, now);
  }

  @Override
  public boolean markFailed(DeliveryKey key, String claimToken, String reason, Instant now) {
    return outcome(key, claimToken, DeliveryStatus.FAILED, reason, null, now);
  }

  private boolean outcome(DeliveryKey key, String claimToken, DeliveryStatus status, String detail, Instant dueAt,
      Instant now) {
    Db.requireText(claimToken, "a claim token");
    if (status != DeliveryStatus.DELIVERED) {
      Db.requireText(detail, "the reason of a failed attempt");
    }
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("update delivery_outbox set status = ?, detail = ?, "
          + "updated_at = ?, due_at = coalesce(?, due_at)" + BY_KEY
          + " and status = 'SENDING' and claim_token = ?")) {
        ps.setString(1, status.name());
        ps.setString(2, detail);
        Db.setInstant(ps, 3, now);
        Db.setInstant(ps, 4, dueAt);
        bindKey(ps, 5, key);
        ps.setString(8, claimToken);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public Optional<OutboxEntry> find(DeliveryKey key) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from delivery_outbox" + BY_KEY)) {
        bindKey(ps, 1, key);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public Map<DeliveryStatus, Long> statusCounts(String source) {
    Db.requireText(source, "a source");
    return db.read(c -> {
      Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
      for (DeliveryStatus s : DeliveryStatus.values()) {
        counts.put(s, 0L);
      }
      try (PreparedStatement ps = c.prepareStatement("select status, count(*) from delivery_outbox "
          + "where source = ? group by status")) {
        ps.setString(1, source);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            counts.put(DeliveryStatus.valueOf(rs.getString(1)), rs.getLong(2));
          }
        }
      }
      return counts;
    });
  }

  @Override
  public boolean track(DeliveryKey key, Engagement engagement, Instant at) {
    return tracking.track(key, engagement, at);
  }

  @Override
  public Optional<DeliveryKey> attributeConversion(PersonId person, String orderId, Instant orderAt, Duration window,
      BigDecimal value) {
    return tracking.attributeConversion(person, orderId, orderAt, window, value);
  }

  @Override
  public List<StepReport> report(String source) {
    return tracking.report(source);
  }

  @Override
  public int erase(PersonId person) {
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("delete from delivery_outbox where person_id = ?")) {
        ps.setString(1, person.value());
        return ps.executeUpdate();
      }
    });
  }

  static void bindKey(PreparedStatement ps, int from, DeliveryKey key) throws SQLException {
    ps.setString(from, key.source());
    ps.setString(from + 1, key.step());
    ps.setString(from + 2, key.person().value());
  }

  private static OutboxEntry row(ResultSet rs) throws SQLException {
    DeliveryKey key = new DeliveryKey(rs.getString("source"), rs.getString("step"),
        PersonId.of(rs.getString("person_id")));
    Channel channel = Channel.fromWire(rs.getString("channel")).orElseThrow(() -> new IllegalStateException(
        "the outbox holds an unknown channel '" + rsString(rs, "channel") + "'; was it written by a newer version?"));
    OutboundMessage message = new OutboundMessage(key, channel, rs.getString("recipient"), rs.getString("subject"),
        rs.getString("body_text"), rs.getString("body_html"), rs.getString("unsubscribe_url"),
        decode(rs.getString("extras")));
    return new OutboxEntry(rs.getLong("id"), message, DeliveryStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"), Db.instant(rs, "due_at"), rs.getString("claim_token"), Db.instant(rs, "lease_until"),
        rs.getString("detail"), Db.instant(rs, "enqueued_at"), Db.instant(rs, "updated_at"));
  }

  private static String rsString(ResultSet rs, String column) {
    try {
      return rs.getString(column);
    } catch (SQLException e) {
      return "?";
    }
  }

  /** {@code k=v&k=v}, form-encoded, in key order (so equal maps are stored alike). */
  static String encode(Map<String, String> data) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(data).entrySet()) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  static Map<String, String> decode(String encoded) {
    Map<String, String> out = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return out;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
