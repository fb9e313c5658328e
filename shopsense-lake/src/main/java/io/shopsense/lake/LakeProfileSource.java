package io.shopsense.lake;

import io.shopsense.api.event.Event;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.core.collect.EventDecoder;
import io.shopsense.core.profile.ProfileEngine;
import io.shopsense.core.profile.ProfileRebuild;
import io.shopsense.core.profile.ProfileState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;

/**
 * The lake as the source of a batch profile rebuild: every event of the {@code events} table with the person it
 * belongs to, grouped by person, decoded by the same {@link EventDecoder} the log's consumers use. Persons come from
 * a snapshot of the identity graph written beside the lake ({@value #IDENTITIES}/{@value #LINKS_FILE}: kind, value,
 * person_id), the same file the Spark job reads: an event belongs to the owner of its user id, else of its anonymous
 * id; events whose identifiers have no owner are left out.
 */
public final class LakeProfileSource implements ProfileRebuild.Source<LakeProfileSource.Row> {
  /** The folder of the identity snapshot, beside the tables. */
  public static final String IDENTITIES = "identities";
  public static final String LINKS_FILE = "links.parquet";

  private final LakeSettings settings;

  public LakeProfileSource(LakeSettings settings) {
    this.settings = settings;
  }

  /** One event's columns as read, decoded by {@link #decode} (on a worker thread, in a rebuild). */
  public record Row(String type, String name, String messageId, String anonymousId, String userId, String previousId,
      Instant timestamp, Instant originalTimestamp, Instant sentAt, Instant receivedAt, String source,
      String properties, String traits, String context) {

    public Event decode() {
      return EventDecoder.decodeColumns(type, name, messageId, anonymousId, userId, previousId, timestamp,
          originalTimestamp, sentAt, receivedAt, source, properties, traits, context);
    }
  }

  /**
   * Folds every person's events of the lake from scratch, decoding and folding on {@code threads} workers while
   * DuckDB reads; the states go to {@code sink} in batches of {@code batch} persons. Returns the number of persons.
   */
  public long fold(ProfileEngine engine, int batch, int threads, Consumer<Map<PersonId, ProfileState>> sink)
      throws Exception {
    return ProfileRebuild.foldByPerson(this, Row::decode, engine, batch, threads, sink);
  }

  /** Writes the identity snapshot of the lake at {@code settings} from the graph; returns its path and row count. */
  public static Path exportIdentities(IdentityGraph graph, LakeSettings settings) {
    Path target = settings.directory().resolve(IDENTITIES).resolve(LINKS_FILE);
    try (DuckDbSession db = new DuckDbSession(settings)) {
      Files.createDirectories(target.getParent());
      db.execute("CREATE TABLE links (kind VARCHAR, value VARCHAR, person_id VARCHAR)");
      try (DuckDBAppender appender = db.connection().createAppender(org.duckdb.DuckDBConnection.DEFAULT_SCHEMA, "links")) {
        SQLException[] failure = {null};
        graph.scanLinks((id, person) -> {
          if (failure[0] != null) {
            return;
          }
          try {
            appender.beginRow();
            appender.append(id.kind().name());
            appender.append(id.value());
            appender.append(person.value());
            appender.endRow();
          } catch (SQLException e) {
            failure[0] = e;
          }
        });
        if (failure[0] != null) {
          throw failure[0];
        }
      }
      db.writeParquet("SELECT * FROM links ORDER BY kind, value", target);
      return target;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write the identity snapshot: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The live Parquet files of a table (not those a compaction has superseded), oldest day first. */
  public static List<Path> liveFiles(Path lake, LakeTable table) {
    return new LakeDirectory(lake).liveFiles(table).stream().map(LakeFile::path).toList();
  }

  @Override
  public void forEach(BiConsumer<PersonId, Row> sink) throws SQLException {
    List<Path> files = liveFiles(settings.directory(), LakeTable.EVENTS);
    Path links = settings.directory().resolve(IDENTITIES).resolve(LINKS_FILE);
    if (files.isEmpty() || !Files.exists(links)) {
      return;
    }
    String list = files.stream().map(DuckDbSession::literal).collect(Collectors.joining(", "));
    String sql = "WITH " + ids(links) + ","
        + " e AS (SELECT * FROM read_parquet([" + list + "], union_by_name = true))"
        + " SELECT " + OWNER + " AS person, e.type, e.event, e.message_id, e.anonymous_id,"
        + " e.user_id, e.previous_id, e.\"timestamp\", e.original_timestamp, e.sent_at, e.received_at, e.source,"
        + " e.properties, e.traits, e.context FROM e" + ownerJoins("e")
        + " WHERE " + OWNER + " IS NOT NULL ORDER BY person, e.\"timestamp\", e.seq";
    try (DuckDbSession db = new DuckDbSession(settings, true); Statement s = db.connection().createStatement()) {
      s.setFetchSize(10_000);
      try (ResultSet rs = s.executeQuery(sql)) {
        String lastPerson = null;
        PersonId person = null;
        while (rs.next()) {
          String p = rs.getString(1);
          if (!p.equals(lastPerson)) {
            lastPerson = p;
            person = PersonId.of(p);
          }
          sink.accept(person, new Row(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getString(7), instant(rs, 8), instant(rs, 9), instant(rs, 10), instant(rs, 11),
              rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15)));
        }
      }
    }
  }

  /** The owner of a row joined by {@link #ownerJoins}: of its user id, else of its anonymous id. */
  static final String OWNER = "coalesce(u.person_id, a.person_id)";

  /** The identity snapshot as the common table {@code ids} (kind, value, person_id). */
  static String ids(Path links) {
    return "ids AS (SELECT kind, value, person_id FROM read_parquet(" + DuckDbSession.literal(links) + "))";
  }

  /** Joins the owners of the user id ({@code u}) and anonymous id ({@code a}) of the rows of {@code alias}. */
  static String ownerJoins(String alias) {
    return " LEFT JOIN ids u ON u.kind = 'USER_ID' AND u.value = " + alias + ".user_id"
        + " LEFT JOIN ids a ON a.kind = 'ANONYMOUS_ID' AND a.value = " + alias + ".anonymous_id";
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
