package io.shopsense.engine.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.lake.LakeInteractionSource;
import io.shopsense.lake.LakeProfileSource;
import io.shopsense.lake.LakeTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The interaction records of the lake's {@code lines} table, attributed to persons as {@link LakeEvents} attributes
 * events ({@link LakeProfileSource}'s rule: the owner of the user id in the identity snapshot, else of the anonymous
 * id; lines of identifiers nobody owns are left out), read from the live files only. Each line's event gives its
 * {@link InteractionKind} ({@link #KINDS}); its quantity is the line's (the lake writes at least 1).
 *
 * <p>The result has one row per (person, item, kind): {@value #PERSON}, {@value #ITEM}, {@value #KIND} (the kind's
 * name), {@value #QUANTITY} (the summed quantity, a double) and {@value #AT} (the last line's time): small enough to
 * collect into the core's {@code Interactions}, which applies the weights (refunds against purchases, non-positive
 * cells dropped) exactly as every other path does.
 */
final class LakeLines {
  static final String PERSON = "person";
  static final String ITEM = "item";
  static final String KIND = "kind";
  static final String QUANTITY = "quantity";
  static final String AT = "at";

  /** Which line events are which interaction: the same map the platform's trainer reads the lake with. */
  static final Map<String, InteractionKind> KINDS = LakeInteractionSource.KINDS;

  private LakeLines() {}

  /**
   * The lake's interactions of the given kinds by (person, item, kind), of the persons {@code persons} lets train;
   * empty when the lake has no line files or no identity snapshot.
   */
  static Optional<Dataset<Row>> read(SparkSession spark, Path lake, TrainingPersons persons,
      Set<InteractionKind> kinds) {
    List<Path> files = LakeProfileSource.liveFiles(lake, LakeTable.LINES);
    Path links = lake.resolve(LakeProfileSource.IDENTITIES).resolve(LakeProfileSource.LINKS_FILE);
    if (files.isEmpty() || !Files.exists(links)) {
      return Optional.empty();
    }
    Dataset<Row> lines = spark.read()
        .schema(LakeEvents.schema(LakeTable.LINES))
        .option("basePath", LakeEvents.uri(lake.resolve(LakeTable.LINES.tableName())))
        .parquet(files.stream().map(LakeEvents::uri).toArray(String[]::new));
    Column kind = lit(null).cast("string");
    for (Map.Entry<String, InteractionKind> e : KINDS.entrySet()) {
      if (kinds.contains(e.getValue())) {
        kind = when(col("event").equalTo(lit(e.getKey())), lit(e.getValue().name())).otherwise(kind);
      }
    }
    Dataset<Row> ids = spark.read().parquet(LakeEvents.uri(links)).select(col("kind"), col("value"),
        col("person_id"));
    Dataset<Row> byUser = ids.where(col("kind").equalTo(lit("USER_ID")))
        .select(col("value").as("u_value"), col("person_id").as("u_person"));
    Dataset<Row> byAnonymous = ids.where(col("kind").equalTo(lit("ANONYMOUS_ID")))
        .select(col("value").as("a_value"), col("person_id").as("a_person"));
    Column person = coalesce(col("u_person"), col("a_person"));
    Dataset<Row> attributed = lines
        .select(col("user_id"), col("anonymous_id"), col("product_id").as(ITEM), kind.as(KIND),
            col("quantity"), col("timestamp"))
        .where(col(KIND).isNotNull().and(col(ITEM).isNotNull()).and(col(ITEM).notEqual(lit(""))))
        .join(byUser, col("user_id").equalTo(byUser.col("u_value")), "left")
        .join(byAnonymous, col("anonymous_id").equalTo(byAnonymous.col("a_value")), "left")
        .where(person.isNotNull())
        .select(person.as(PERSON), col(ITEM), col(KIND),
            coalesce(col("quantity"), lit(1L)).cast("double").as(QUANTITY), col("timestamp"));
    return Optional.of(persons.keep(spark, attributed, PERSON)
        .groupBy(col(PERSON), col(ITEM), col(KIND))
        .agg(sum(col(QUANTITY)).as(QUANTITY), max(col("timestamp")).as(AT)));
  }
}
