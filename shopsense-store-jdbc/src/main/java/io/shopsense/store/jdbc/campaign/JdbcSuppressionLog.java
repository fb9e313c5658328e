package io.shopsense.store.jdbc.campaign;

import io.shopsense.api.campaign.MessageSuppressed;
import io.shopsense.api.campaign.SuppressionLog;
import io.shopsense.api.id.PersonId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The suppressed messages in {@code message_suppressions}, numbered by an identity column; a batch is one
 * transaction of batched inserts. A reason longer than the column's 2,000 characters is cut there (ending in "...").
 */
public final class JdbcSuppressionLog implements SuppressionLog {
  static final int MAX_REASON = 2_000;
  private final CampaignSql sql;

  public JdbcSuppressionLog(DataSource dataSource) {
    this.sql = new CampaignSql(dataSource);
  }

  /** On the stores' own {@link io.shopsense.store.jdbc.Sql}: calls join a unit of work running on it. */
  public JdbcSuppressionLog(io.shopsense.store.jdbc.Sql sql) {
    this.sql = new CampaignSql(sql);
  }

  @Override
  public void append(Collection<MessageSuppressed> suppressions) {
    if (suppressions.isEmpty()) {
      return;
    }
    sql.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("insert into message_suppressions (person_id, message_key, "
          + "rule, reason, suppressed_at, held_until) values (?, ?, ?, ?, ?, ?)")) {
        int pending = 0;
        for (MessageSuppressed s : suppressions) {
          ps.setString(1, s.person().value());
          ps.setString(2, s.messageKey());
          ps.setString(3, s.rule());
          ps.setString(4, s.reason().length() <= MAX_REASON ? s.reason()
              : s.reason().substring(0, MAX_REASON - 3) + "...");
          CampaignSql.setInstant(ps, 5, s.at());
          CampaignSql.setInstant(ps, 6, s.heldUntil().orElse(null));
          ps.addBatch();
          if (++pending == 1_000) {
            ps.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          ps.executeBatch();
        }
      }
      return null;
    });
  }

  @Override
  public List<MessageSuppressed> of(PersonId person, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, not " + limit);
    }
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select person_id, message_key, rule, reason, suppressed_at, "
          + "held_until from message_suppressions where person_id = ? order by seq desc limit ?")) {
        ps.setString(1, person.value());
        ps.setInt(2, limit);
        List<MessageSuppressed> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new MessageSuppressed(PersonId.of(rs.getString(1)), rs.getString(2), rs.getString(3),
                rs.getString(4), CampaignSql.instant(rs, "suppressed_at"),
                Optional.ofNullable(CampaignSql.instant(rs, "held_until"))));
          }
        }
        return out;
      }
    });
  }

  @Override
  public Map<String, Long> countByRule(Instant from, Instant to) {
    if (from == null || to == null || to.isBefore(from)) {
      throw new IllegalArgumentException("counting suppressions needs a range [from, to), got " + from + ", " + to);
    }
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select rule, count(*) from message_suppressions where "
          + "suppressed_at >= ? and suppressed_at < ? group by rule order by rule")) {
        CampaignSql.setInstant(ps, 1, from);
        CampaignSql.setInstant(ps, 2, to);
        Map<String, Long> out = new LinkedHashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), rs.getLong(2));
          }
        }
        return out;
      }
    });
  }

  @Override
  public int erase(Collection<PersonId> persons) {
    List<PersonId> all = persons.stream().distinct().toList();
    return all.isEmpty() ? 0 : sql.tx(c -> {
      int deleted = 0;
      try (PreparedStatement ps = c.prepareStatement("delete from message_suppressions where person_id = ?")) {
        for (PersonId p : all) {
          ps.setString(1, p.value());
          deleted += ps.executeUpdate();
        }
      }
      return deleted;
    });
  }
}
