package io.shopsense.server.retention;

import io.shopsense.platform.Platform;
import io.shopsense.platform.RetentionReport;
import io.shopsense.server.PeriodicTask;
import io.shopsense.server.config.RetentionProperties;
import java.time.Duration;

/**
 * Runs {@link Platform#applyRetention} with {@code shopsense.retention.raw-events} every
 * {@code shopsense.retention.check-every}, on a thread of its own, first a minute after start-up. A failed run is
 * logged and tried again at the next tick. Does nothing when retention is off (raw-events 0). The logs carry counts,
 * days and file names only.
 */
public final class RetentionJob implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RetentionJob.class.getName());
  static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);

  private final Platform platform;
  private final RetentionProperties properties;
  private final PeriodicTask scheduler;

  public RetentionJob(Platform platform, RetentionProperties properties) {
    this.platform = platform;
    this.properties = properties;
    if (properties.enabled()) {
      scheduler = PeriodicTask.start("shopsense-retention", FIRST_RUN_AFTER, properties.checkEvery(),
          this::runQuietly);
    } else {
      scheduler = null;
      LOG.log(System.Logger.Level.INFO, "retention of raw events is off (shopsense.retention.raw-events = 0)");
    }
  }

  /** One run now; empty when retention is off. */
  public java.util.Optional<RetentionReport> runNow() {
    if (!properties.enabled()) {
      return java.util.Optional.empty();
    }
    RetentionReport r = platform.applyRetention(properties.rawEvents());
    if (r.log().events() > 0 || !r.lakePartitions().isEmpty()) {
      LOG.log(System.Logger.Level.INFO, "retention: events before " + r.cutoff() + " are due; deleted "
          + r.log().events() + " from the event log (" + r.log().files().size() + " file(s)) and "
          + r.lakePartitions().size() + " lake partition(s) before " + r.firstLakeDay());
    }
    return java.util.Optional.of(r);
  }

  private void runQuietly() {
    try {
      runNow();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "retention run failed; tried again in " + properties.checkEvery()
          + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.close();
    }
  }
}
