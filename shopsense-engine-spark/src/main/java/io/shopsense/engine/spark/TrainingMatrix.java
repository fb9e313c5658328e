package io.shopsense.engine.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.core.recommend.InteractionWeights;
import io.shopsense.core.recommend.Interactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The training matrix of a job, from {@link LakeLines#read}'s (person, item, kind) rows. The core's
 * {@link Interactions} is built on the driver from them with the same weights as every other training path (so the
 * served model carries the same matrix, indices and weighting); {@link #cells} is its Spark twin for work that stays
 * distributed (the co-occurrence counts). The driver holds the matrix once: the model's bytes carry it anyway.
 */
final class TrainingMatrix {
  static final String WEIGHT = "weight";

  private TrainingMatrix() {}

  /** The matrix of the rows, collected to the driver; the rows' times do not weigh (no decay). */
  static Interactions collect(Dataset<Row> byKind, InteractionWeights weights) {
    List<Interaction> records = new ArrayList<>();
    Iterator<Row> rows = byKind.select(col(LakeLines.PERSON), col(LakeLines.ITEM), col(LakeLines.KIND),
        col(LakeLines.QUANTITY), col(LakeLines.AT)).toLocalIterator();
    while (rows.hasNext()) {
      Row r = rows.next();
      Object at = r.get(4);
      Instant time = at instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) at;
      records.add(new Interaction(r.getString(0), r.getString(1), InteractionKind.valueOf(r.getString(2)),
          r.getDouble(3), time));
    }
    return Interactions.of(records, weights);
  }

  /**
   * The matrix's cells in Spark: (person, item, weight) with the weight the core would give the cell (the signed
   * sum of the kinds' quantities times their weights), cells at or below zero dropped as the core drops them.
   */
  static Dataset<Row> cells(Dataset<Row> byKind, InteractionWeights weights) {
    Column kind = col(LakeLines.KIND);
    Column perUnit = when(kind.equalTo(lit(InteractionKind.VIEW.name())), lit(weights.view()))
        .when(kind.equalTo(lit(InteractionKind.CART.name())), lit(weights.cart()))
        .when(kind.equalTo(lit(InteractionKind.PURCHASE.name())), lit(weights.purchase()))
        .when(kind.equalTo(lit(InteractionKind.REFUND.name())), lit(-weights.refund()))
        .otherwise(lit(0.0));
    return byKind.groupBy(col(LakeLines.PERSON), col(LakeLines.ITEM))
        .agg(sum(perUnit.multiply(col(LakeLines.QUANTITY))).as(WEIGHT))
        .where(col(WEIGHT).gt(lit(0.0)));
  }
}
