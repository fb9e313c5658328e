package io.shopsense.server.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shopsense.retention.*}: how long raw events are kept.
 *
 * @param rawEvents  raw events (the event log and the lake) that happened longer ago than this are deleted; 0 keeps
 *                   them for ever
 * @param checkEvery how often the retention job runs (and once shortly after start-up)
 */
@Validated
@ConfigurationProperties("shopsense.retention")
public record RetentionProperties(
    @DefaultValue("730d") @NotNull Duration rawEvents,
    @DefaultValue("1h") @NotNull Duration checkEvery) {

  public RetentionProperties {
    if (rawEvents != null && rawEvents.isNegative()) {
      throw new IllegalArgumentException("shopsense.retention.raw-events must not be negative, was " + rawEvents);
    }
    if (checkEvery != null && (checkEvery.isNegative() || checkEvery.isZero())) {
      throw new IllegalArgumentException("shopsense.retention.check-every must be positive, was " + checkEvery);
    }
  }

  /** False when raw events are kept for ever. */
  public boolean enabled() {
    return !rawEvents.isZero();
  }
}
