package io.shopsense.engine.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Whose data may train a model that serves others: only the persons of the {@code personalised} snapshot (the ids of
 * the persons with personalisation consent, one a line, as {@code Platform.writePersonalisedSnapshot} writes them)
 * when it is given, and never a person of the {@code excluded} file (erased persons, withdrawals since the snapshot;
 * one id a line). At least one of the two is required: a job that silently trained on everyone would use the data of
 * persons who said no. Applied as joins, so neither list has to fit in a task's memory; like the lake, the files must
 * be reachable under the same path from the driver and every executor.
 */
record TrainingPersons(Optional<Path> personalised, Optional<Path> excluded) {
  TrainingPersons {
    if (personalised.isEmpty() && excluded.isEmpty()) {
      throw new IllegalArgumentException("give --personalised FILE (the consent snapshot) or --exclude FILE (persons"
          + " without consent and erased persons), or both: no person's data trains a model without a consent check");
    }
    personalised.ifPresent(p -> requireFile("--personalised", p));
    excluded.ifPresent(p -> requireFile("--exclude", p));
  }

  private static void requireFile(String option, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(option + " " + file + " is not a file");
    }
  }

  /** The rows of {@code rows} whose {@code personColumn} may train. */
  Dataset<Row> keep(SparkSession spark, Dataset<Row> rows, String personColumn) {
    Dataset<Row> kept = rows;
    if (personalised.isPresent()) {
      Dataset<Row> allowed = ids(spark, personalised.get());
      kept = kept.join(allowed, kept.col(personColumn).equalTo(allowed.col("id")), "left_semi");
    }
    if (excluded.isPresent()) {
      Dataset<Row> denied = ids(spark, excluded.get());
      kept = kept.join(denied, kept.col(personColumn).equalTo(denied.col("id")), "left_anti");
    }
    return kept;
  }

  private static Dataset<Row> ids(SparkSession spark, Path file) {
    return spark.read().text(LakeEvents.uri(file)).select(trim(col("value")).as("id"))
        .where(col("id").notEqual(lit(""))).distinct();
  }
}
