package io.shopsense.engine.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Item-to-item cosine with shrinkage over a matrix's cells, distributed: the Spark twin of the core's item-kNN
 * training ({@code ItemKnnModel.train}), with the same formula,
 * {@code sim(i, j) = Σ_u x_ui·x_uj / (‖x_i‖·‖x_j‖ + shrinkage)}, and the same choice of the {@code k} most similar
 * items per item (ties by the lower item id, only positive similarities).
 *
 * <p>The pairs of a person are all pairs of their items, so one person with thousands of items would make millions
 * of pairs: a person's items are capped at their {@code perPersonCap} heaviest cells (ties by item id) for the
 * co-occurrence counts. The norms stay over all cells, so with no person above the cap the result is exactly the
 * core's; above it, the capped persons' rarer pairs count less than the core would count them.
 */
final class ItemCooccurrence {
  static final String ITEM = "item";
  static final String NEIGHBOUR = "neighbour";
  static final String SIMILARITY = "similarity";

  private ItemCooccurrence() {}

  /**
   * (item, neighbour, similarity) rows, at most {@code k} per item, from {@link TrainingMatrix#cells} rows.
   *
   * @param cells (person, item, weight) with positive weights
   */
  static Dataset<Row> neighbours(Dataset<Row> cells, int k, double shrinkage, int perPersonCap) {
    Dataset<Row> capped = cells
        .withColumn("rank_in_person", row_number().over(Window.partitionBy(col(LakeLines.PERSON))
            .orderBy(col(TrainingMatrix.WEIGHT).desc(), col(LakeLines.ITEM).asc())))
        .where(col("rank_in_person").leq(lit(perPersonCap)))
        .select(col(LakeLines.PERSON), col(LakeLines.ITEM), col(TrainingMatrix.WEIGHT));
    Dataset<Row> left = capped.select(col(LakeLines.PERSON).as("p"), col(LakeLines.ITEM).as("i"),
        col(TrainingMatrix.WEIGHT).as("wi"));
    Dataset<Row> right = capped.select(col(LakeLines.PERSON).as("q"), col(LakeLines.ITEM).as("j"),
        col(TrainingMatrix.WEIGHT).as("wj"));
    Dataset<Row> dots = left.join(right, col("p").equalTo(col("q")).and(col("i").notEqual(col("j"))))
        .groupBy(col("i"), col("j"))
        .agg(sum(col("wi").multiply(col("wj"))).as("dot"));
    Dataset<Row> norms = cells.groupBy(col(LakeLines.ITEM))
        .agg(sqrt(sum(col(TrainingMatrix.WEIGHT).multiply(col(TrainingMatrix.WEIGHT)))).as("norm"));
    Dataset<Row> ni = norms.select(col(LakeLines.ITEM).as("ni_item"), col("norm").as("ni"));
    Dataset<Row> nj = norms.select(col(LakeLines.ITEM).as("nj_item"), col("norm").as("nj"));
    Dataset<Row> similar = dots.join(ni, col("i").equalTo(col("ni_item")))
        .join(nj, col("j").equalTo(col("nj_item")))
        .select(col("i"), col("j"),
            col("dot").divide(col("ni").multiply(col("nj")).plus(lit(shrinkage))).as(SIMILARITY))
        .where(col(SIMILARITY).gt(lit(0.0)));
    return similar
        .withColumn("rank_in_item", row_number().over(Window.partitionBy(col("i"))
            .orderBy(col(SIMILARITY).desc(), col("j").asc())))
        .where(col("rank_in_item").leq(lit(k)))
        .select(col("i").as(ITEM), col("j").as(NEIGHBOUR), col(SIMILARITY));
  }
}
