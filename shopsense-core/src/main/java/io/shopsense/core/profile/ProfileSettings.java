package io.shopsense.core.profile;

import java.time.Duration;

/**
 * How profiles are built.
 *
 * @param interests    the weights and half-life of interest tags
 * @param windows      the shop's own lifecycle windows, or null to fit them on its order gaps
 * @param refreshEvery how often the RFM model is refitted and time-driven changes (lifecycle stages, segment windows)
 *                     are brought up to date
 * @param realTime     keep profiles up to date as events arrive; off, profiles are only built in batch (a rebuild from
 *                     the lake, locally or on Spark) — for bulk loads and benchmarks of the batch path
 */
public record ProfileSettings(Interests.Settings interests, LifecycleWindows windows, Duration refreshEvery,
    boolean realTime) {
  public ProfileSettings {
    if (interests == null || refreshEvery == null || refreshEvery.isNegative() || refreshEvery.isZero()) {
      throw new IllegalArgumentException("profile settings need interest settings and a positive refresh interval");
    }
  }

  public ProfileSettings withRealTime(boolean on) {
    return new ProfileSettings(interests, windows, refreshEvery, on);
  }

  /** Default interests, fitted windows, a refresh every hour, real time on. */
  public static ProfileSettings defaults() {
    return new ProfileSettings(Interests.Settings.defaults(), null, Duration.ofHours(1), true);
  }
}
