package io.shopsense.lake;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The tables of the lake and their columns, in file order. Each table lives under {@code <lake>/<name>/} in hive
 * partitions {@code event_date=YYYY-MM-DD} (the UTC date of the event's corrected {@code timestamp}); the partition
 * column is in the folder name only, not in the files, as Spark and DuckDB expect. Timestamps are
 * {@code TIMESTAMP WITH TIME ZONE} (UTC, microseconds), amounts {@code DECIMAL(18,4)}; JSON objects are kept whole as
 * text. Rows of every file are sorted by ({@code timestamp}, {@code seq}).
 */
public enum LakeTable {

  /** One row per event. */
  EVENTS("events", List.of(
      col("seq", "BIGINT"), col("message_id", "VARCHAR"), col("type", "VARCHAR"), col("event", "VARCHAR"),
      col("anonymous_id", "VARCHAR"), col("user_id", "VARCHAR"), col("previous_id", "VARCHAR"),
      col("timestamp", "TIMESTAMPTZ"), col("original_timestamp", "TIMESTAMPTZ"), col("sent_at", "TIMESTAMPTZ"),
      col("received_at", "TIMESTAMPTZ"), col("source", "VARCHAR"), col("channel", "VARCHAR"),
      col("locale", "VARCHAR"), col("timezone", "VARCHAR"), col("device_type", "VARCHAR"),
      col("session_id", "VARCHAR"), col("page_url", "VARCHAR"), col("page_path", "VARCHAR"),
      col("referrer", "VARCHAR"), col("campaign_source", "VARCHAR"), col("campaign_medium", "VARCHAR"),
      col("campaign_name", "VARCHAR"), col("country", "VARCHAR"), col("product_id", "VARCHAR"),
      col("query", "VARCHAR"), col("order_id", "VARCHAR"), col("cart_id", "VARCHAR"),
      col("revenue", "DECIMAL(18,4)"), col("total", "DECIMAL(18,4)"), col("discount", "DECIMAL(18,4)"),
      col("currency", "VARCHAR"), col("units", "BIGINT"), col("coupon", "VARCHAR"), col("rating", "INTEGER"),
      col("properties", "VARCHAR"), col("traits", "VARCHAR"), col("context", "VARCHAR"))),

  /**
   * One row per product line of product, list, cart, checkout, order and refund events ({@code line_index} from 0),
   * flattened for analytics and recommendation training.
   */
  LINES("lines", List.of(
      col("seq", "BIGINT"), col("message_id", "VARCHAR"), col("event", "VARCHAR"), col("timestamp", "TIMESTAMPTZ"),
      col("anonymous_id", "VARCHAR"), col("user_id", "VARCHAR"), col("order_id", "VARCHAR"),
      col("cart_id", "VARCHAR"), col("line_index", "INTEGER"), col("product_id", "VARCHAR"),
      col("sku", "VARCHAR"), col("name", "VARCHAR"), col("category", "VARCHAR"), col("brand", "VARCHAR"),
      col("variant", "VARCHAR"), col("price", "DECIMAL(18,4)"), col("quantity", "BIGINT"),
      col("coupon", "VARCHAR")));

  /** The hive partition column, a DATE. */
  public static final String PARTITION_COLUMN = "event_date";

  /** A column of a lake table and its DuckDB type. */
  public record Column(String name, String type) {}

  private final String tableName;
  private final List<Column> columns;

  LakeTable(String tableName, List<Column> columns) {
    this.tableName = tableName;
    this.columns = columns;
  }

  /** The table's name in SQL and the name of its folder in the lake. */
  public String tableName() {
    return tableName;
  }

  /** The columns stored in the files, in order (without the partition column). */
  public List<Column> columns() {
    return columns;
  }

  /** {@code CREATE TABLE} for a table of this shape, optionally with the partition column at the end. */
  String createTable(String name, boolean withPartition) {
    String cols = columns.stream().map(c -> quote(c.name()) + " " + c.type()).collect(Collectors.joining(", "));
    return "CREATE TABLE " + quote(name) + " (" + cols
        + (withPartition ? ", " + PARTITION_COLUMN + " DATE" : "") + ")";
  }

  /** The stored columns, quoted and comma-separated, in file order. */
  String columnList() {
    return columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
  }

  /** The order of the rows in every file: by time, then by position in the log (then by line). */
  String sortOrder() {
    return this == LINES ? "\"timestamp\", seq, line_index" : "\"timestamp\", seq";
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static Column col(String name, String type) {
    return new Column(name, type);
  }
}
