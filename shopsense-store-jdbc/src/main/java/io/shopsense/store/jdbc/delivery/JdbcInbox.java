package io.shopsense.store.jdbc.delivery;

import io.shopsense.api.delivery.Inbox;
import io.shopsense.api.delivery.InboxMessage;
import io.shopsense.api.id.PersonId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The in-app inbox in {@code delivery_inbox}; a post is an insert that does nothing when the key is stored. */
final class JdbcInbox implements Inbox {
  private static final String COLUMNS = "id, person_id, msg_key, subject, body_text, body_html, link, posted_at, "
      + "read_at";

  private final Db db;

  JdbcInbox(Db db) {
    this.db = db;
  }

  @Override
  public InboxMessage post(InboxMessage m) {
    if (m.person() == null || m.postedAt() == null) {
      throw new IllegalArgumentException("an inbox message needs a person and a time");
    }
    Db.requireText(m.key(), "an inbox message's key");
    Db.requireText(m.text(), "an inbox message's text");
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("insert into delivery_inbox (person_id, msg_key, subject, "
          + "body_text, body_html, link, posted_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
        ps.setString(1, m.person().value());
        ps.setString(2, m.key());
        ps.setString(3, m.subject() == null ? "" : m.subject());
        ps.setString(4, m.text());
        ps.setString(5, m.html() == null ? "" : m.html());
        ps.setString(6, m.link() == null ? "" : m.link());
        Db.setInstant(ps, 7, m.postedAt());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from delivery_inbox where msg_key = ?")) {
        ps.setString(1, m.key());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return row(rs);
        }
      }
    });
  }

  @Override
  public List<InboxMessage> list(PersonId person, boolean unreadOnly, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, not " + limit);
    }
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from delivery_inbox where person_id = ?"
          + (unreadOnly ? " and read_at is null" : "") + " order by id desc limit ?")) {
        ps.setString(1, person.value());
        ps.setInt(2, limit);
        List<InboxMessage> out = new ArrayList<>();
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
  public int unreadCount(PersonId person) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select count(*) from delivery_inbox where person_id = ? "
          + "and read_at is null")) {
        ps.setString(1, person.value());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    });
  }

  @Override
  public boolean markRead(PersonId person, long id, Instant at) {
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("update delivery_inbox set read_at = coalesce(read_at, ?) "
          + "where id = ? and person_id = ?")) {
        Db.setInstant(ps, 1, at);
        ps.setLong(2, id);
        ps.setString(3, person.value());
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean delete(PersonId person, long id) {
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("delete from delivery_inbox where id = ? and person_id = ?")) {
        ps.setLong(1, id);
        ps.setString(2, person.value());
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public int erase(PersonId person) {
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("delete from delivery_inbox where person_id = ?")) {
        ps.setString(1, person.value());
        return ps.executeUpdate();
      }
    });
  }

  private static InboxMessage row(ResultSet rs) throws SQLException {
    return new InboxMessage(rs.getLong("id"), PersonId.of(rs.getString("person_id")), rs.getString("msg_key"),
        rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"), rs.getString("link"),
        Db.instant(rs, "posted_at"), Db.instant(rs, "read_at"));
  }
}
