package io.shopsense.engine.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_micros;

import io.shopsense.api.event.Event;
import io.shopsense.core.collect.EventDecoder;
import io.shopsense.lake.LakeProfileSource;
import io.shopsense.lake.LakeTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The lake's events with the person each belongs to, as a DataFrame: the Spark twin of the query in
 * {@link LakeProfileSource#forEach}, with the same semantics. Only the live files of {@code events} are read (a glob
 * would also read the inputs of a compaction that are not deleted yet, counting their events twice); files are read
 * by name with the table's declared schema ({@link #schema}). An event belongs to the person owning its user
 * id in the identity snapshot, else its anonymous id; events whose identifiers have no owner are left out.
 *
 * <p>Rows have the columns of {@link #decode}'s order: person, type, event, message_id, anonymous_id, user_id,
 * previous_id, the four times as epoch microseconds (exact: the lake keeps microseconds, and no session time zone or
 * {@code java8API} setting is involved), source, properties, traits, context.
 */
final class LakeEvents {
  static final String PERSON = "person";
  private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");

  private LakeEvents() {}

  /** The attributed events, or empty when the lake has no event files or no identity snapshot (nothing to fold). */
  static Optional<Dataset<Row>> read(SparkSession spark, Path lake) {
    List<Path> files = LakeProfileSource.liveFiles(lake, LakeTable.EVENTS);
    Path links = lake.resolve(LakeProfileSource.IDENTITIES).resolve(LakeProfileSource.LINKS_FILE);
    if (files.isEmpty() || !Files.exists(links)) {
      return Optional.empty();
    }
    String[] uris = files.stream().map(LakeEvents::uri).toArray(String[]::new);
    Dataset<Row> e = spark.read()
        .schema(schema(LakeTable.EVENTS))
        // the files sit in hive folders (event_date=…); naming the table's folder keeps discovery predictable
        .option("basePath", uri(lake.resolve(LakeTable.EVENTS.tableName())))
        .parquet(uris);
    Dataset<Row> ids = spark.read().parquet(uri(links)).select(col("kind"), col("value"), col("person_id"));
    Dataset<Row> byUser = ids.where(col("kind").equalTo(lit("USER_ID")))
        .select(col("value").as("u_value"), col("person_id").as("u_person"));
    Dataset<Row> byAnonymous = ids.where(col("kind").equalTo(lit("ANONYMOUS_ID")))
        .select(col("value").as("a_value"), col("person_id").as("a_person"));
    Column person = coalesce(col("u_person"), col("a_person"));
    return Optional.of(e
        .join(byUser, e.col("user_id").equalTo(byUser.col("u_value")), "left")
        .join(byAnonymous, e.col("anonymous_id").equalTo(byAnonymous.col("a_value")), "left")
        .where(person.isNotNull())
        .select(person.as(PERSON), e.col("type"), e.col("event"), e.col("message_id"), e.col("anonymous_id"),
            e.col("user_id"), e.col("previous_id"), unix_micros(e.col("timestamp")),
            unix_micros(e.col("original_timestamp")), unix_micros(e.col("sent_at")),
            unix_micros(e.col("received_at")), e.col("source"), e.col("properties"), e.col("traits"),
            e.col("context")));
  }

  /**
   * The table's columns as {@link LakeTable} declares them, in Spark's types. Given to the reader rather than inferred:
   * no job to merge the files' schemas, and a column missing from an older file reads as null, as DuckDB's
   * {@code union_by_name} does.
   */
  static StructType schema(LakeTable table) {
    List<StructField> fields = new ArrayList<>();
    for (LakeTable.Column c : table.columns()) {
      fields.add(DataTypes.createStructField(c.name(), sparkType(c), true));
    }
    return DataTypes.createStructType(fields);
  }

  private static DataType sparkType(LakeTable.Column c) {
    Matcher decimal = DECIMAL.matcher(c.type());
    if (decimal.matches()) {
      return DataTypes.createDecimalType(Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)));
    }
    return switch (c.type()) {
      case "VARCHAR" -> DataTypes.StringType;
      case "BIGINT" -> DataTypes.LongType;
      case "INTEGER" -> DataTypes.IntegerType;
      case "TIMESTAMPTZ" -> DataTypes.TimestampType; // Parquet INT64 microseconds, adjusted to UTC
      default -> throw new IllegalStateException("the lake's column " + c.name() + " has type " + c.type()
          + ", which this job does not map to Spark yet");
    };
  }

  /** The typed event of a row of {@link #read}, through the decoder every other reader of events uses. */
  static Event decode(Row r) {
    return EventDecoder.decodeColumns(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
        r.getString(5), r.getString(6), instant(r, 7), instant(r, 8), instant(r, 9), instant(r, 10),
        r.getString(11), r.getString(12), r.getString(13), r.getString(14));
  }

  private static Instant instant(Row r, int i) {
    if (r.isNullAt(i)) {
      return null;
    }
    long micros = r.getLong(i);
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  static String uri(Path p) {
    return p.toAbsolutePath().normalize().toUri().toString();
  }
}
