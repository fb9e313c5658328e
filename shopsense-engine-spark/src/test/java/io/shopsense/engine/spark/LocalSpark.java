package io.shopsense.engine.spark;

import org.apache.spark.sql.SparkSession;

/** The Spark session of a test class: local[2], no UI, on the loopback, few shuffle partitions. */
final class LocalSpark {
  private LocalSpark() {}

  static SparkSession start(String name) {
    return SparkSession.builder()
        .master("local[2]")
        .appName(name)
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "4")
        // rows read back in the tests hand out java.time.Instant, not java.sql.Timestamp
        .config("spark.sql.datetime.java8API.enabled", "true")
        .getOrCreate();
  }
}
