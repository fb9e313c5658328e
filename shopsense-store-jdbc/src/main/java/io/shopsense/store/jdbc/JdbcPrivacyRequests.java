package io.shopsense.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.PrivacyRequest;
import io.shopsense.api.privacy.PrivacyRequests;
import io.shopsense.api.privacy.ReportLine;
import io.shopsense.api.privacy.RequestStatus;
import io.shopsense.api.privacy.RequestType;
import io.shopsense.core.json.JsonCodec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data-subject requests in the {@code privacy_requests} table; the report as a JSON array. Thread-safe; each call
 * one transaction. Instants are kept to the microsecond, like every store of this module.
 */
final class JdbcPrivacyRequests implements PrivacyRequests {
  private static final String COLUMNS = "request_id, request_type, subject, person_id, status, reason, received_at, "
      + "deadline, completed_at, report";

  private final Sql sql;

  JdbcPrivacyRequests(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void create(PrivacyRequest r) {
    try {
      sql.tx(c -> {
        try (PreparedStatement ps = c.prepareStatement("insert into privacy_requests (" + COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          ps.setString(1, r.id());
          ps.setString(2, r.type().wireName());
          ps.setString(3, r.subject());
          ps.setString(4, r.person() == null ? null : r.person().value());
          ps.setString(5, r.status().wireName());
          ps.setString(6, r.reason());
          Sql.setInstant(ps, 7, r.receivedAt());
          Sql.setInstant(ps, 8, r.deadline());
          Sql.setInstant(ps, 9, r.completedAt());
          ps.setString(10, report(r.report()));
          ps.executeUpdate();
        }
        return null;
      });
    } catch (JdbcStoreException e) {
      if (e.getCause() instanceof SQLException s && Sql.isUniqueViolation(s)) {
        throw new IllegalStateException("a privacy request with id " + r.id() + " exists", e);
      }
      throw e;
    }
  }

  @Override
  public void update(PrivacyRequest r) {
    int updated = sql.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("update privacy_requests set subject = ?, person_id = ?, "
          + "status = ?, reason = ?, completed_at = ?, report = ? where request_id = ?")) {
        ps.setString(1, r.subject());
        ps.setString(2, r.person() == null ? null : r.person().value());
        ps.setString(3, r.status().wireName());
        ps.setString(4, r.reason());
        Sql.setInstant(ps, 5, r.completedAt());
        ps.setString(6, report(r.report()));
        ps.setString(7, r.id());
        return ps.executeUpdate();
      }
    });
    if (updated == 0) {
      throw new IllegalArgumentException("no privacy request with id " + r.id());
    }
  }

  @Override
  public Optional<PrivacyRequest> find(String id) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from privacy_requests "
          + "where request_id = ?")) {
        ps.setString(1, id);
        List<PrivacyRequest> found = rows(ps);
        return found.stream().findFirst();
      }
    });
  }

  @Override
  public List<PrivacyRequest> list(RequestStatus status, Instant overdueAt, String afterId, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, not " + limit);
    }
    return sql.read(c -> {
      StringBuilder where = new StringBuilder(" where 1 = 1");
      List<Object> args = new ArrayList<>();
      if (status != null) {
        where.append(" and status = ?");
        args.add(status.wireName());
      }
      if (overdueAt != null) {
        where.append(" and status in ('received', 'in_progress') and deadline < ?");
        args.add(overdueAt);
      }
      if (afterId != null) {
        // keyset paging on (received_at, request_id) from the given request's position
        Instant at = find(afterId).map(PrivacyRequest::receivedAt)
            .orElseThrow(() -> new IllegalArgumentException("no privacy request with id " + afterId));
        where.append(" and (received_at > ? or (received_at = ? and request_id > ?))");
        args.add(at);
        args.add(at);
        args.add(afterId);
      }
      try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from privacy_requests" + where
          + " order by received_at, request_id limit ?")) {
        int i = 1;
        for (Object a : args) {
          if (a instanceof Instant t) {
            Sql.setInstant(ps, i++, t);
          } else {
            ps.setString(i++, (String) a);
          }
        }
        ps.setInt(i, limit);
        return rows(ps);
      }
    });
  }

  private static List<PrivacyRequest> rows(PreparedStatement ps) throws SQLException {
    List<PrivacyRequest> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String person = rs.getString("person_id");
        out.add(new PrivacyRequest(rs.getString("request_id"),
            RequestType.fromWire(rs.getString("request_type")).orElseThrow(),
            rs.getString("subject"), person == null ? null : PersonId.of(person),
            RequestStatus.fromWire(rs.getString("status")).orElseThrow(), rs.getString("reason"),
            Sql.instant(rs, "received_at"), Sql.instant(rs, "deadline"), Sql.instant(rs, "completed_at"),
            report(rs.getString("report"))));
      }
    }
    return out;
  }

  private static String report(List<ReportLine> lines) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ReportLine l : lines) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", l.step());
      m.put("where", l.where());
      m.put("count", l.count());
      m.put("outcome", l.outcome().name());
      m.put("detail", l.detail());
      out.add(m);
    }
    return JsonCodec.text(out);
  }

  private static List<ReportLine> report(String json) {
    List<ReportLine> out = new ArrayList<>();
    for (JsonNode n : JsonCodec.parse(json)) {
      out.add(new ReportLine(n.get("step").asText(), n.get("where").asText(), n.get("count").asLong(),
          ReportLine.Outcome.valueOf(n.get("outcome").asText()), n.get("detail").asText()));
    }
    return out;
  }

  @Override
  public int forgetSubject(PersonId person) {
    return sql.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("update privacy_requests set subject = ? where person_id = ? "
          + "and subject <> ?")) {
        ps.setString(1, PrivacyRequest.ERASED_SUBJECT);
        ps.setString(2, person.value());
        ps.setString(3, PrivacyRequest.ERASED_SUBJECT);
        return ps.executeUpdate();
      }
    });
  }
}
