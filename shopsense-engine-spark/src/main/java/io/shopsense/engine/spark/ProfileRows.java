package io.shopsense.engine.spark;

import io.shopsense.api.profile.ProfileFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collection;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of {@code <out>/profiles/}: one per person, the fold state (exact, {@code ProfileState.encode()}) and the
 * facts and segments derived from it at the job's {@code now}. Times are UTC instants (Parquet timestamps adjusted to
 * UTC, microseconds); {@code net_revenue} is {@code decimal(18,4)} like the lake's amounts, rounded half-even when a
 * sent amount had more decimals (the state keeps the exact sum); {@code segments} is sorted.
 */
final class ProfileRows {
  static final StructType SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("person_id", DataTypes.StringType, false),
      DataTypes.createStructField("state", DataTypes.BinaryType, false),
      DataTypes.createStructField("lifecycle_stage", DataTypes.StringType, false),
      DataTypes.createStructField("stage_since", DataTypes.TimestampType, false),
      DataTypes.createStructField("recency", DataTypes.IntegerType, true),
      DataTypes.createStructField("frequency", DataTypes.IntegerType, true),
      DataTypes.createStructField("monetary", DataTypes.IntegerType, true),
      DataTypes.createStructField("rfm_segment", DataTypes.StringType, true),
      DataTypes.createStructField("events", DataTypes.LongType, false),
      DataTypes.createStructField("orders", DataTypes.LongType, false),
      DataTypes.createStructField("net_revenue", DataTypes.createDecimalType(18, 4), false),
      DataTypes.createStructField("first_seen", DataTypes.TimestampType, false),
      DataTypes.createStructField("last_seen", DataTypes.TimestampType, false),
      DataTypes.createStructField("last_order", DataTypes.TimestampType, true),
      DataTypes.createStructField("days_between_orders", DataTypes.DoubleType, true),
      DataTypes.createStructField("segments", DataTypes.createArrayType(DataTypes.StringType, false), false)});

  private ProfileRows() {}

  static Row row(String person, byte[] state, ProfileFacts f, Collection<String> segments) {
    // a Java array: Row encoders take arrays and Scala sequences, not java.util.List
    String[] sorted = segments.toArray(new String[0]);
    Arrays.sort(sorted);
    return RowFactory.create(person, state, f.lifecycleStage(), f.stageSince(), f.recency(), f.frequency(),
        f.monetary(), f.rfmSegment(), f.events(), f.orders(), money(f.netRevenue()), f.firstSeen(), f.lastSeen(),
        f.lastOrder(), f.daysBetweenOrders(), sorted);
  }

  static BigDecimal money(BigDecimal amount) {
    return amount.setScale(4, RoundingMode.HALF_EVEN);
  }
}
