package io.shopsense.server.web.recommend;

import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.core.collect.RecommendationEvents;
import io.shopsense.lake.DuckDbSession;
import io.shopsense.lake.LakeProfileSource;
import io.shopsense.lake.LakeQuery;
import io.shopsense.lake.LakeSettings;
import io.shopsense.lake.QueryResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Click-through and conversion of recommendations per model version × scene, computed by DuckDB over the lake: the
 * storefront's {@code Recommendation Viewed} events (impressions) and {@code Recommendation Clicked} events (clicks)
 * in {@code [from, to)}, and {@code Order Completed} lines. A click converts when an order of the same person that
 * follows it within the conversion window contains the clicked product; every such click counts (two clicks on the
 * same product that lead to one order are two conversions). Persons come from a fresh snapshot of the identity graph
 * (an event belongs to the owner of its user id, else of its anonymous id, as in the lake's profile rebuild);
 * identifiers nobody owns stand for themselves. Not thread-safe: the caller serialises.
 */
final class PerformanceReport implements AutoCloseable {
  private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx")
      .withZone(ZoneOffset.UTC);
  static final int MAX_ROWS = 10_000;

  /** One model version × scene. */
  record Row(String modelVersion, String scene, long impressions, long clicks, long conversions) {
    /** Clicks per impression, 0 without impressions. */
    double ctr() {
      return impressions == 0 ? 0 : (double) clicks / impressions;
    }

    /** Converted clicks per click, 0 without clicks. */
    double conversionRate() {
      return clicks == 0 ? 0 : (double) conversions / clicks;
    }
  }

  private final LakeSettings lake;
  private final IdentityGraph identities;
  private final Duration window;
  private LakeQuery query;

  PerformanceReport(LakeSettings lake, IdentityGraph identities, Duration window) {
    this.lake = lake;
    this.identities = identities;
    this.window = window;
  }

  List<Row> rows(Instant from, Instant to) {
    Path links = LakeProfileSource.exportIdentities(identities, lake);
    if (query == null) {
      query = new LakeQuery(lake);
    }
    QueryResult r = query.query(sql(links, from, to), MAX_ROWS);
    return r.rows().stream().map(row -> new Row((String) row.get(0), (String) row.get(1), count(row.get(2)),
        count(row.get(3)), count(row.get(4)))).toList();
  }

  private static long count(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  String sql(Path links, Instant from, Instant to) {
    Instant ordersUntil = to.plus(window);
    return "WITH ids AS (SELECT kind, value, person_id FROM read_parquet(" + DuckDbSession.literal(links) + ")),"
        + " rec AS (SELECT e.event, e.\"timestamp\" AS at, e.product_id,"
        + " coalesce(json_extract_string(e.properties, '$.model_version'), '') AS model_version,"
        + " coalesce(json_extract_string(e.properties, '$.scene'), '') AS scene, " + person("e")
        + " FROM events e" + joins("e")
        + " WHERE e.type = 'track' AND e.event IN (" + DuckDbSession.literal(RecommendationEvents.VIEWED) + ", "
        + DuckDbSession.literal(RecommendationEvents.CLICKED) + ") AND " + between("e", from, to) + "),"
        + " clicks AS (SELECT row_number() OVER () AS click, * FROM rec WHERE event = "
        + DuckDbSession.literal(RecommendationEvents.CLICKED) + "),"
        + " orders AS (SELECT l.\"timestamp\" AS at, l.product_id, " + person("l") + " FROM lines l" + joins("l")
        + " WHERE l.event = 'Order Completed' AND " + between("l", from, ordersUntil) + "),"
        + " converted AS (SELECT DISTINCT c.click, c.model_version, c.scene FROM clicks c JOIN orders o"
        + " ON o.person = c.person AND o.product_id = c.product_id AND o.at > c.at"
        + " AND o.at <= c.at + INTERVAL " + window.toSeconds() + " SECOND),"
        + " shown AS (SELECT model_version, scene,"
        + " count(*) FILTER (WHERE event = " + DuckDbSession.literal(RecommendationEvents.VIEWED) + ") AS impressions,"
        + " count(*) FILTER (WHERE event = " + DuckDbSession.literal(RecommendationEvents.CLICKED) + ") AS clicks"
        + " FROM rec GROUP BY model_version, scene),"
        + " conversions AS (SELECT model_version, scene, count(*) AS conversions FROM converted"
        + " GROUP BY model_version, scene)"
        + " SELECT s.model_version, s.scene, s.impressions, s.clicks, coalesce(c.conversions, 0)"
        + " FROM shown s LEFT JOIN conversions c USING (model_version, scene) ORDER BY s.model_version, s.scene";
  }

  /** The owner of the user id, else of the anonymous id, else the identifier itself. */
  private static String person(String t) {
    return "coalesce(u.person_id, a.person_id, 'user_id:' || " + t + ".user_id, 'anonymous_id:' || " + t
        + ".anonymous_id) AS person";
  }

  private static String joins(String t) {
    return " LEFT JOIN ids u ON u.kind = 'USER_ID' AND u.value = " + t + ".user_id"
        + " LEFT JOIN ids a ON a.kind = 'ANONYMOUS_ID' AND a.value = " + t + ".anonymous_id";
  }

  /** {@code [from, to)} on the event time, with the partition dates too so that DuckDB reads only those days. */
  private static String between(String t, Instant from, Instant to) {
    return t + ".event_date BETWEEN DATE '" + LocalDate.ofInstant(from, ZoneOffset.UTC) + "' AND DATE '"
        + LocalDate.ofInstant(to, ZoneOffset.UTC) + "' AND " + t + ".\"timestamp\" >= TIMESTAMPTZ '"
        + SQL_TIME.format(from) + "' AND " + t + ".\"timestamp\" < TIMESTAMPTZ '" + SQL_TIME.format(to) + "'";
  }

  @Override
  public void close() {
    if (query != null) {
      query.close();
    }
  }
}
