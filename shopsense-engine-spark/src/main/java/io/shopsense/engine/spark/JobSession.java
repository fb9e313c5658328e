package io.shopsense.engine.spark;

import org.apache.spark.sql.SparkSession;

/** The Spark session of a job's {@code main}. */
final class JobSession {
  private JobSession() {}

  /**
   * A session named {@code appName} on {@code master}, or on spark-submit's master when null. A {@code local} master
   * is a run on this machine: no web UI, the driver on the loopback whatever the host's name resolves to, and a few
   * shuffle partitions rather than Spark's 200 (one machine's data; 200 tiny tasks per shuffle cost more than they
   * bring).
   */
  static SparkSession start(String appName, String master) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (master != null) {
      builder.master(master);
      if (master.startsWith("local")) {
        builder.config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "8");
      }
    }
    return builder.getOrCreate();
  }
}
