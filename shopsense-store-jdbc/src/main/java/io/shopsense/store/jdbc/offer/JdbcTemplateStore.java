package io.shopsense.store.jdbc.offer;

import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.offer.MessageTemplate;
import io.shopsense.api.offer.TemplateLocale;
import io.shopsense.api.offer.TemplateStore;
import io.shopsense.store.jdbc.JdbcStoreException;
import io.shopsense.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link TemplateStore} in the {@code message_templates} table (migration V13), on H2 in PostgreSQL mode or
 * PostgreSQL. A save is an update, then an insert when no row was there, in one transaction; an insert that meets a
 * row a concurrent save inserted first is run again (then it updates), so that no save is lost in silence.
 */
public final class JdbcTemplateStore implements TemplateStore {
  private static final String COLUMNS = "template_id, category, locale, subject, html_body, text_body";

  private final Sql sql;

  public JdbcTemplateStore(Sql sql) {
    this.sql = Objects.requireNonNull(sql, "sql");
  }

  @Override
  public void save(MessageTemplate template, Instant at) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(at, "at");
    try {
      sql.tx(c -> write(c, template, at));
    } catch (JdbcStoreException e) {
      if (e.getCause() instanceof SQLException cause && Sql.isUniqueViolation(cause)) {
        sql.tx(c -> write(c, template, at));
        return;
      }
      throw e;
    }
  }

  private static Void write(Connection c, MessageTemplate t, Instant at) throws SQLException {
    try (PreparedStatement update = c.prepareStatement("update message_templates set category = ?, locale = ?, "
        + "subject = ?, html_body = ?, text_body = ?, saved_at = ? where template_id = ?")) {
      bind(update, t, at);
      if (update.executeUpdate() == 1) {
        return null;
      }
    }
    try (PreparedStatement insert = c.prepareStatement("insert into message_templates (category, locale, subject, "
        + "html_body, text_body, saved_at, template_id) values (?, ?, ?, ?, ?, ?, ?)")) {
      bind(insert, t, at);
      insert.executeUpdate();
    }
    return null;
  }

  private static void bind(PreparedStatement ps, MessageTemplate t, Instant at) throws SQLException {
    ps.setString(1, t.category().name());
    ps.setString(2, t.locale().name());
    ps.setString(3, t.subject());
    ps.setString(4, t.html());
    ps.setString(5, t.text());
    Sql.setInstant(ps, 6, at);
    ps.setString(7, t.id());
  }

  @Override
  public Optional<MessageTemplate> find(String templateId) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from message_templates "
          + "where template_id = ?")) {
        ps.setString(1, templateId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(template(rs)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<MessageTemplate> list() {
    List<MessageTemplate> all = sql.read(c -> {
      List<MessageTemplate> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from message_templates");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(template(rs));
        }
      }
      return out;
    });
    // sorted here, not by the database, whose collation may order ids other than Java's String order
    all.sort(Comparator.comparing(MessageTemplate::id));
    return all;
  }

  @Override
  public boolean delete(String templateId) {
    return sql.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("delete from message_templates where template_id = ?")) {
        ps.setString(1, templateId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  private static MessageTemplate template(ResultSet rs) throws SQLException {
    return new MessageTemplate(rs.getString("template_id"), ContentCategory.valueOf(rs.getString("category")),
        TemplateLocale.valueOf(rs.getString("locale")), rs.getString("subject"), rs.getString("html_body"),
        rs.getString("text_body"));
  }
}
