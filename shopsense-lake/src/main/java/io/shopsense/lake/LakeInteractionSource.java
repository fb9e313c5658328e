package io.shopsense.lake;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.core.recommend.serve.TrainingEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The lake as the source of recommendation training: every product line of the {@code lines} table whose event says
 * something about a person's taste, with the person it belongs to and the session of its event (from {@code events}).
 * Persons come from the identity snapshot beside the lake ({@link LakeProfileSource#IDENTITIES}/
 * {@link LakeProfileSource#LINKS_FILE}, written by {@link LakeProfileSource#exportIdentities}): a line belongs to the
 * owner of its user id, else of its anonymous id; lines whose identifiers have no owner are left out, as are lines
 * without a product id. Only the live files are read (not those a compaction superseded).
 *
 * <p>Events map to kinds as {@link #KINDS} says; a line's quantity counts for purchases and refunds (missing or
 * non-positive: 1), other kinds count once. A refund without product lines (a whole order refunded by id) names no
 * product and is not read. The person filter (consent, erasure) is the caller's.
 */
public final class LakeInteractionSource {
  /** Event name → the interaction it is. */
  public static final Map<String, InteractionKind> KINDS = Map.of(
      "Product Viewed", InteractionKind.VIEW,
      "Product Clicked", InteractionKind.VIEW,
      "Product Added", InteractionKind.CART,
      "Product Added to Wishlist", InteractionKind.CART,
      "Order Completed", InteractionKind.PURCHASE,
      "Order Refunded", InteractionKind.REFUND);

  private final LakeSettings settings;

  public LakeInteractionSource(LakeSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Every interaction, oldest first (ties in log order); empty when the lake or the identity snapshot is. */
  public List<TrainingEvent> read() throws SQLException {
    List<TrainingEvent> out = new ArrayList<>();
    forEach(out::add);
    return out;
  }

  /** Streams every interaction to {@code sink}, oldest first (ties in log order). */
  public void forEach(Consumer<TrainingEvent> sink) throws SQLException {
    List<Path> lines = LakeProfileSource.liveFiles(settings.directory(), LakeTable.LINES);
    List<Path> events = LakeProfileSource.liveFiles(settings.directory(), LakeTable.EVENTS);
    Path links = settings.directory().resolve(LakeProfileSource.IDENTITIES).resolve(LakeProfileSource.LINKS_FILE);
    if (lines.isEmpty() || !Files.exists(links)) {
      return;
    }
    String kinds = KINDS.keySet().stream().sorted().map(DuckDbSession::literal).collect(Collectors.joining(", "));
    String sessions = events.isEmpty() ? "SELECT NULL::BIGINT AS seq, NULL::VARCHAR AS session_id WHERE false"
        : "SELECT seq, session_id FROM read_parquet([" + list(events) + "], union_by_name = true)"
            + " WHERE session_id IS NOT NULL";
    String sql = "WITH ids AS (SELECT kind, value, person_id FROM read_parquet(" + DuckDbSession.literal(links) + ")),"
        + " l AS (SELECT * FROM read_parquet([" + list(lines) + "], union_by_name = true)"
        + " WHERE event IN (" + kinds + ") AND product_id IS NOT NULL AND product_id <> ''),"
        + " s AS (" + sessions + ")"
        + " SELECT coalesce(u.person_id, a.person_id) AS person, l.event, l.product_id, l.quantity, l.\"timestamp\","
        + " l.order_id, s.session_id FROM l"
        + " LEFT JOIN ids u ON u.kind = 'USER_ID' AND u.value = l.user_id"
        + " LEFT JOIN ids a ON a.kind = 'ANONYMOUS_ID' AND a.value = l.anonymous_id"
        + " LEFT JOIN s ON s.seq = l.seq"
        + " WHERE coalesce(u.person_id, a.person_id) IS NOT NULL ORDER BY l.\"timestamp\", l.seq, l.line_index";
    try (DuckDbSession db = new DuckDbSession(settings, true); Statement s = db.connection().createStatement()) {
      s.setFetchSize(10_000);
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          InteractionKind kind = KINDS.get(rs.getString(2));
          long quantity = rs.getLong(4);
          boolean counted = kind == InteractionKind.PURCHASE || kind == InteractionKind.REFUND;
          double q = counted && !rs.wasNull() && quantity > 0 ? quantity : 1;
          Instant at = rs.getObject(5, OffsetDateTime.class).toInstant();
          sink.accept(new TrainingEvent(new Interaction(rs.getString(1), rs.getString(3), kind, q, at),
              rs.getString(6), rs.getString(7)));
        }
      }
    }
  }

  private static String list(List<Path> files) {
    return files.stream().map(DuckDbSession::literal).collect(Collectors.joining(", "));
  }
}
