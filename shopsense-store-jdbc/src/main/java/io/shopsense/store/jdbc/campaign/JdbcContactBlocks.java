package io.shopsense.store.jdbc.campaign;

import io.shopsense.api.campaign.ContactBlock;
import io.shopsense.api.campaign.ContactBlocks;
import io.shopsense.api.id.PersonId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Unsubscribes and do-not-contact in {@code contact_blocks}, one row per (person, kind, scope, value): adding a block
 * on record keeps the first one (a lookup, then an insert; a concurrent insert of the same block runs it again).
 */
public final class JdbcContactBlocks implements ContactBlocks {
  private final CampaignSql sql;

  public JdbcContactBlocks(DataSource dataSource) {
    this.sql = new CampaignSql(dataSource);
  }

  /** On the stores' own {@link io.shopsense.store.jdbc.Sql}: calls join a unit of work running on it. */
  public JdbcContactBlocks(io.shopsense.store.jdbc.Sql sql) {
    this.sql = new CampaignSql(sql);
  }

  @Override
  public boolean add(ContactBlock block) {
    return sql.txRetryingOnce(c -> {
      try (PreparedStatement ps = c.prepareStatement("select 1 from contact_blocks where person_id = ? and kind = ? "
          + "and scope = ? and scope_value = ?")) {
        bindKey(ps, block.person(), block.kind(), block.scope(), block.value());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return false;
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("insert into contact_blocks (person_id, kind, scope, "
          + "scope_value, source, blocked_at) values (?, ?, ?, ?, ?, ?)")) {
        bindKey(ps, block.person(), block.kind(), block.scope(), block.value());
        ps.setString(5, block.source());
        CampaignSql.setInstant(ps, 6, block.at());
        ps.executeUpdate();
      }
      return true;
    });
  }

  @Override
  public boolean remove(PersonId person, ContactBlock.Kind kind, ContactBlock.Scope scope, String value) {
    if (person == null || kind == null || scope == null) {
      throw new IllegalArgumentException("lifting a block needs the person, its kind and its scope");
    }
    return sql.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("delete from contact_blocks where person_id = ? and kind = ? "
          + "and scope = ? and scope_value = ?")) {
        bindKey(ps, person, kind, scope, value == null ? "" : value.strip());
        return ps.executeUpdate() > 0;
      }
    });
  }

  private static void bindKey(PreparedStatement ps, PersonId person, ContactBlock.Kind kind,
      ContactBlock.Scope scope, String value) throws java.sql.SQLException {
    ps.setString(1, person.value());
    ps.setString(2, kind.name());
    ps.setString(3, scope.name());
    ps.setString(4, value);
  }

  @Override
  public Map<PersonId, List<ContactBlock>> of(Collection<PersonId> persons) {
    List<PersonId> all = persons.stream().distinct().toList();
    Map<PersonId, List<ContactBlock>> out = new HashMap<>(Math.max(16, all.size() * 4 / 3 + 1));
    sql.read(c -> {
      for (List<PersonId> slice : CampaignSql.slices(all)) {
        try (PreparedStatement ps = c.prepareStatement("select person_id, kind, scope, scope_value, source, "
            + "blocked_at from contact_blocks where person_id in (" + CampaignSql.placeholders(slice.size())
            + ") order by person_id, blocked_at, kind, scope, scope_value")) {
          for (int i = 0; i < slice.size(); i++) {
            ps.setString(i + 1, slice.get(i).value());
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              PersonId p = PersonId.of(rs.getString("person_id"));
              out.computeIfAbsent(p, k -> new ArrayList<>()).add(new ContactBlock(p,
                  ContactBlock.Kind.valueOf(rs.getString("kind")), ContactBlock.Scope.valueOf(rs.getString("scope")),
                  rs.getString("scope_value"), rs.getString("source"), CampaignSql.instant(rs, "blocked_at")));
            }
          }
        }
      }
      return null;
    });
    for (PersonId p : all) {
      out.putIfAbsent(p, List.of());
    }
    return out;
  }

  @Override
  public int erase(Collection<PersonId> persons) {
    List<PersonId> all = persons.stream().distinct().toList();
    return all.isEmpty() ? 0 : sql.tx(c -> {
      int deleted = 0;
      try (PreparedStatement ps = c.prepareStatement("delete from contact_blocks where person_id = ?")) {
        for (PersonId p : all) {
          ps.setString(1, p.value());
          deleted += ps.executeUpdate();
        }
      }
      return deleted;
    });
  }
}
