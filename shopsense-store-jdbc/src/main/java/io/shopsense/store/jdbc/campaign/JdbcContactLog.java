package io.shopsense.store.jdbc.campaign;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.campaign.Contact;
import io.shopsense.api.campaign.ContactHistory;
import io.shopsense.api.campaign.ContactLog;
import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.id.PersonId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The contact log in {@code contact_log}, with the unopened streaks in {@code contact_streaks}. A record looks the
 * batch's keys up first and inserts only the new contacts, bumping their persons' streaks in the same transaction, so
 * that a replayed contact neither duplicates nor counts twice; another process inserting the same key in between
 * makes the transaction run again. Histories are read {@value CampaignSql#IN_LIST} persons per statement.
 */
public final class JdbcContactLog implements ContactLog {
  private static final String COLUMNS = "message_key, person_id, channel, category, topic, priority, sent_at, "
      + "opened_at";

  private final CampaignSql sql;

  public JdbcContactLog(DataSource dataSource) {
    this.sql = new CampaignSql(dataSource);
  }

  /** On the stores' own {@link io.shopsense.store.jdbc.Sql}: calls join a unit of work running on it. */
  public JdbcContactLog(io.shopsense.store.jdbc.Sql sql) {
    this.sql = new CampaignSql(sql);
  }

  @Override
  public int record(Collection<Contact> contacts) {
    if (contacts.isEmpty()) {
      return 0;
    }
    Map<String, Contact> byKey = new LinkedHashMap<>();
    for (Contact c : contacts) {
      byKey.putIfAbsent(c.messageKey(), c);
    }
    return sql.txRetryingOnce(c -> {
      Set<String> known = new HashSet<>();
      for (List<String> slice : CampaignSql.slices(byKey.keySet())) {
        try (PreparedStatement ps = c.prepareStatement("select message_key from contact_log where message_key in ("
            + CampaignSql.placeholders(slice.size()) + ")")) {
          for (int i = 0; i < slice.size(); i++) {
            ps.setString(i + 1, slice.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              known.add(rs.getString(1));
            }
          }
        }
      }
      Map<PersonId, Integer> streaks = new HashMap<>();
      int added = 0;
      try (PreparedStatement insert = c.prepareStatement("insert into contact_log (" + COLUMNS + ") "
          + "values (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (Contact contact : byKey.values()) {
          if (known.contains(contact.messageKey())) {
            continue;
          }
          insert.setString(1, contact.messageKey());
          insert.setString(2, contact.person().value());
          insert.setString(3, contact.channel().name());
          insert.setString(4, contact.category().name());
          insert.setString(5, contact.topic());
          insert.setInt(6, contact.priority());
          CampaignSql.setInstant(insert, 7, contact.sentAt());
          CampaignSql.setInstant(insert, 8, contact.openedAt().orElse(null));
          insert.addBatch();
          added++;
          if (contact.opened()) {
            streaks.put(contact.person(), 0);
          } else if (contact.category() == ContentCategory.PROMOTIONAL && contact.channel().reportsOpens()) {
            streaks.merge(contact.person(), 1, Integer::sum);
          }
        }
        if (added > 0) {
          insert.executeBatch();
        }
      }
      bumpStreaks(c, streaks);
      return added;
    });
  }

  /**
   * Adds each person's new unopened count to their streak (0: an opened contact resets it): the updates go as one
   * batch, then the persons no row was updated for get theirs in another (a page of an audience costs two round
   * trips, not one per person).
   */
  private static void bumpStreaks(Connection c, Map<PersonId, Integer> streaks) throws SQLException {
    if (streaks.isEmpty()) {
      return;
    }
    List<Map.Entry<PersonId, Integer>> rows = new ArrayList<>(streaks.entrySet());
    rows.sort(Map.Entry.comparingByKey(java.util.Comparator.comparing(PersonId::value))); // one lock order
    int[] updated;
    try (PreparedStatement update = c.prepareStatement("update contact_streaks set unopened = "
        + "case when ? = 0 then 0 else unopened + ? end where person_id = ?")) {
      for (Map.Entry<PersonId, Integer> e : rows) {
        update.setInt(1, e.getValue());
        update.setInt(2, e.getValue());
        update.setString(3, e.getKey().value());
        update.addBatch();
      }
      updated = update.executeBatch();
    }
    try (PreparedStatement insert = c.prepareStatement("insert into contact_streaks (person_id, unopened) "
        + "values (?, ?)")) {
      int inserts = 0;
      for (int i = 0; i < rows.size(); i++) {
        if (updated[i] == 0) {
          insert.setString(1, rows.get(i).getKey().value());
          insert.setInt(2, rows.get(i).getValue());
          insert.addBatch();
          inserts++;
        }
      }
      if (inserts > 0) {
        insert.executeBatch();
      }
    }
  }

  @Override
  public boolean markOpened(String messageKey, Instant at) {
    if (messageKey == null || at == null) {
      throw new IllegalArgumentException("marking a message opened needs its key and when");
    }
    return sql.tx(c -> {
      String person;
      try (PreparedStatement ps = c.prepareStatement("select person_id from contact_log where message_key = ? "
          + "and opened_at is null for update")) {
        ps.setString(1, messageKey);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return false;
          }
          person = rs.getString(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("update contact_log set opened_at = ? where message_key = ? "
          + "and opened_at is null")) {
        CampaignSql.setInstant(ps, 1, at);
        ps.setString(2, messageKey);
        if (ps.executeUpdate() == 0) {
          return false;
        }
      }
      try (PreparedStatement ps = c.prepareStatement("update contact_streaks set unopened = 0 where person_id = ?")) {
        ps.setString(1, person);
        ps.executeUpdate();
      }
      return true;
    });
  }

  @Override
  public Map<PersonId, ContactHistory> histories(Collection<PersonId> persons, Instant since) {
    if (since == null) {
      throw new IllegalArgumentException("histories need the time to read from");
    }
    List<PersonId> all = persons.stream().distinct().toList();
    Map<PersonId, List<Contact>> contacts = new HashMap<>();
    Map<PersonId, Integer> streaks = new HashMap<>();
    sql.read(c -> {
      try (PreparedStatement full = c.prepareStatement(historyQuery(CampaignSql.IN_LIST));
          PreparedStatement fullStreaks = c.prepareStatement(streakQuery(CampaignSql.IN_LIST))) {
        for (List<PersonId> slice : CampaignSql.slices(all)) {
          boolean whole = slice.size() == CampaignSql.IN_LIST;
          try (PreparedStatement part = whole ? null : c.prepareStatement(historyQuery(slice.size()));
              PreparedStatement partStreaks = whole ? null : c.prepareStatement(streakQuery(slice.size()))) {
            PreparedStatement ps = whole ? full : part;
            for (int i = 0; i < slice.size(); i++) {
              ps.setString(i + 1, slice.get(i).value());
            }
            CampaignSql.setInstant(ps, slice.size() + 1, since);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                Contact contact = row(rs);
                contacts.computeIfAbsent(contact.person(), k -> new ArrayList<>()).add(contact);
              }
            }
            PreparedStatement st = whole ? fullStreaks : partStreaks;
            for (int i = 0; i < slice.size(); i++) {
              st.setString(i + 1, slice.get(i).value());
            }
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                streaks.put(PersonId.of(rs.getString(1)), rs.getInt(2));
              }
            }
          }
        }
      }
      return null;
    });
    Map<PersonId, ContactHistory> out = new HashMap<>(Math.max(16, all.size() * 4 / 3 + 1));
    for (PersonId p : all) {
      out.put(p, new ContactHistory(p, contacts.getOrDefault(p, List.of()), streaks.getOrDefault(p, 0)));
    }
    return out;
  }

  private static String historyQuery(int n) {
    return "select " + COLUMNS + " from contact_log where person_id in (" + CampaignSql.placeholders(n)
        + ") and sent_at >= ? order by person_id, sent_at, message_key";
  }

  private static String streakQuery(int n) {
    return "select person_id, unopened from contact_streaks where person_id in (" + CampaignSql.placeholders(n)
        + ")";
  }

  @Override
  public int erase(Collection<PersonId> persons) {
    List<PersonId> all = persons.stream().distinct().toList();
    if (all.isEmpty()) {
      return 0;
    }
    return sql.tx(c -> {
      int deleted = 0;
      try (PreparedStatement log = c.prepareStatement("delete from contact_log where person_id = ?");
          PreparedStatement streak = c.prepareStatement("delete from contact_streaks where person_id = ?")) {
        for (PersonId p : all) {
          log.setString(1, p.value());
          deleted += log.executeUpdate();
          streak.setString(1, p.value());
          streak.executeUpdate();
        }
      }
      return deleted;
    });
  }

  private static Contact row(ResultSet rs) throws SQLException {
    return new Contact(PersonId.of(rs.getString("person_id")), rs.getString("message_key"),
        Channel.valueOf(rs.getString("channel")), ContentCategory.valueOf(rs.getString("category")),
        rs.getString("topic"), rs.getInt("priority"), CampaignSql.instant(rs, "sent_at"),
        Optional.ofNullable(CampaignSql.instant(rs, "opened_at")));
  }
}
