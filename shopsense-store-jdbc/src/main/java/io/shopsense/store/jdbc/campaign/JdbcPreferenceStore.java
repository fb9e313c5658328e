package io.shopsense.store.jdbc.campaign;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.campaign.ContactPreferences;
import io.shopsense.api.campaign.PreferenceStore;
import io.shopsense.api.id.PersonId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The preference centre's choices in {@code contact_preferences} (channels as a comma-separated list of channel
 * names) and {@code contact_muted_topics}. A save replaces both in one transaction (update, else insert; a concurrent
 * first save of the same person runs it again).
 */
public final class JdbcPreferenceStore implements PreferenceStore {
  private final CampaignSql sql;

  public JdbcPreferenceStore(DataSource dataSource) {
    this.sql = new CampaignSql(dataSource);
  }

  /** On the stores' own {@link io.shopsense.store.jdbc.Sql}: calls join a unit of work running on it. */
  public JdbcPreferenceStore(io.shopsense.store.jdbc.Sql sql) {
    this.sql = new CampaignSql(sql);
  }

  @Override
  public void save(ContactPreferences prefs) {
    if (prefs == null) {
      throw new IllegalArgumentException("no preferences to save");
    }
    String channels = prefs.channels().stream().map(Channel::name).collect(Collectors.joining(","));
    sql.txRetryingOnce(c -> {
      int updated;
      try (PreparedStatement ps = c.prepareStatement("update contact_preferences set channels = ?, frequency = ?, "
          + "updated_at = ? where person_id = ?")) {
        ps.setString(1, channels);
        ps.setString(2, prefs.frequency().name());
        CampaignSql.setInstant(ps, 3, prefs.updatedAt());
        ps.setString(4, prefs.person().value());
        updated = ps.executeUpdate();
      }
      if (updated == 0) {
        try (PreparedStatement ps = c.prepareStatement("insert into contact_preferences (person_id, channels, "
            + "frequency, updated_at) values (?, ?, ?, ?)")) {
          ps.setString(1, prefs.person().value());
          ps.setString(2, channels);
          ps.setString(3, prefs.frequency().name());
          CampaignSql.setInstant(ps, 4, prefs.updatedAt());
          ps.executeUpdate();
        }
      }
      try (PreparedStatement ps = c.prepareStatement("delete from contact_muted_topics where person_id = ?")) {
        ps.setString(1, prefs.person().value());
        ps.executeUpdate();
      }
      if (!prefs.mutedTopics().isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement("insert into contact_muted_topics (person_id, topic) "
            + "values (?, ?)")) {
          for (String topic : prefs.mutedTopics()) {
            ps.setString(1, prefs.person().value());
            ps.setString(2, topic);
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }
      return null;
    });
  }

  @Override
  public Optional<ContactPreferences> find(PersonId person) {
    return Optional.ofNullable(find(List.of(person)).get(person));
  }

  @Override
  public Map<PersonId, ContactPreferences> find(Collection<PersonId> persons) {
    List<PersonId> all = persons.stream().distinct().toList();
    record Row(String channels, String frequency, Instant updatedAt) {}
    Map<PersonId, Row> rows = new HashMap<>();
    Map<PersonId, Set<String>> topics = new HashMap<>();
    sql.read(c -> {
      for (List<PersonId> slice : CampaignSql.slices(all)) {
        String in = CampaignSql.placeholders(slice.size());
        try (PreparedStatement ps = c.prepareStatement("select person_id, channels, frequency, updated_at from "
            + "contact_preferences where person_id in (" + in + ")");
            PreparedStatement ts = c.prepareStatement("select person_id, topic from contact_muted_topics where "
                + "person_id in (" + in + ")")) {
          for (int i = 0; i < slice.size(); i++) {
            ps.setString(i + 1, slice.get(i).value());
            ts.setString(i + 1, slice.get(i).value());
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rows.put(PersonId.of(rs.getString(1)), new Row(rs.getString(2), rs.getString(3),
                  CampaignSql.instant(rs, "updated_at")));
            }
          }
          try (ResultSet rs = ts.executeQuery()) {
            while (rs.next()) {
              topics.computeIfAbsent(PersonId.of(rs.getString(1)), k -> new HashSet<>()).add(rs.getString(2));
            }
          }
        }
      }
      return null;
    });
    Map<PersonId, ContactPreferences> out = new HashMap<>();
    rows.forEach((p, r) -> {
      EnumSet<Channel> channels = EnumSet.noneOf(Channel.class);
      for (String name : r.channels().split(",")) {
        if (!name.isEmpty()) {
          channels.add(Channel.valueOf(name));
        }
      }
      out.put(p, new ContactPreferences(p, channels, topics.getOrDefault(p, Set.of()),
          ContactPreferences.Frequency.valueOf(r.frequency()), r.updatedAt()));
    });
    return out;
  }

  @Override
  public int erase(Collection<PersonId> persons) {
    List<PersonId> all = new ArrayList<>(persons.stream().distinct().toList());
    return all.isEmpty() ? 0 : sql.tx(c -> {
      int deleted = 0;
      try (PreparedStatement ps = c.prepareStatement("delete from contact_preferences where person_id = ?");
          PreparedStatement ts = c.prepareStatement("delete from contact_muted_topics where person_id = ?")) {
        for (PersonId p : all) {
          ps.setString(1, p.value());
          deleted += ps.executeUpdate();
          ts.setString(1, p.value());
          ts.executeUpdate();
        }
      }
      return deleted;
    });
  }
}
