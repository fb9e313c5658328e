package io.shopsense.server.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shopsense.recommendations.*}: when the server retrains the recommendation models on its own, how soon an
 * erasure reaches them, and how conversions are attributed in the performance report.
 *
 * @param retrainInterval      the models are retrained this long after the current set was trained (or the last
 *                             attempt); 0 switches scheduled retraining off (retrain on demand only)
 * @param erasureCheckInterval how often the server checks whether a person was erased since the current models were
 *                             trained (and then retrains at once); also the scheduler's tick
 * @param conversionWindow     an order counts as a conversion of a click when it follows the click within this long
 * @param maxModelSize         the largest personal model {@code PUT /v1/recommendations/models/personal} accepts
 * @param contextCacheSize     how many persons' serving contexts (region, segments, interests, bought products) are
 *                             kept in memory
 * @param contextTtl           how long a kept context is served before the profile is read again
 */
@Validated
@ConfigurationProperties("shopsense.recommendations")
public record RecommendationProperties(
    @DefaultValue("24h") @NotNull Duration retrainInterval,
    @DefaultValue("1m") @NotNull Duration erasureCheckInterval,
    @DefaultValue("7d") @NotNull Duration conversionWindow,
    @DefaultValue("512MB") @NotNull DataSize maxModelSize,
    @DefaultValue("100000") int contextCacheSize,
    @DefaultValue("5m") @NotNull Duration contextTtl) {

  public RecommendationProperties {
    if (retrainInterval != null && retrainInterval.isNegative()) {
      throw new IllegalArgumentException("shopsense.recommendations.retrain-interval must not be negative (0 = off), "
          + "was " + retrainInterval);
    }
    positive("erasure-check-interval", erasureCheckInterval);
    positive("conversion-window", conversionWindow);
    positive("context-ttl", contextTtl);
    if (contextCacheSize < 1) {
      throw new IllegalArgumentException("shopsense.recommendations.context-cache-size must be at least 1, was "
          + contextCacheSize);
    }
    if (maxModelSize != null && (maxModelSize.toBytes() < 1 || maxModelSize.toBytes() > Integer.MAX_VALUE - 8)) {
      throw new IllegalArgumentException("shopsense.recommendations.max-model-size must be from 1B to 2GB, was "
          + maxModelSize);
    }
  }

  /** False when the models are retrained on demand only. */
  public boolean scheduledRetraining() {
    return !retrainInterval.isZero();
  }

  private static void positive(String key, Duration value) {
    if (value != null && (value.isNegative() || value.isZero())) {
      throw new IllegalArgumentException("shopsense.recommendations." + key + " must be positive, was " + value);
    }
  }
}
