package io.shopsense.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code shopsense.recommendations.*}: defaults, the mapping of every key, refusals, and the shipped comments. */
class RecommendationPropertiesTest {

  private static RecommendationProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("shopsense.recommendations", RecommendationProperties.class);
  }

  @Test
  void retrainsDailyChecksErasuresEveryMinuteAndAttributesOrdersForAWeekByDefault() {
    RecommendationProperties r = bind(Map.of());

    assertThat(r.retrainInterval()).isEqualTo(Duration.ofHours(24));
    assertThat(r.erasureCheckInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(r.conversionWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(r.maxModelSize()).isEqualTo(DataSize.ofMegabytes(512));
    assertThat(r.scheduledRetraining()).isTrue();
  }

  @Test
  void mapsEveryKey() {
    RecommendationProperties r = bind(Map.of("shopsense.recommendations.retrain-interval", "PT6H",
        "shopsense.recommendations.erasure-check-interval", "30s",
        "shopsense.recommendations.conversion-window", "3d",
        "shopsense.recommendations.max-model-size", "64MB"));

    assertThat(r.retrainInterval()).isEqualTo(Duration.ofHours(6));
    assertThat(r.erasureCheckInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(r.conversionWindow()).isEqualTo(Duration.ofDays(3));
    assertThat(r.maxModelSize()).isEqualTo(DataSize.ofMegabytes(64));
  }

  @Test
  void zeroSwitchesScheduledRetrainingOff() {
    assertThat(bind(Map.of("shopsense.recommendations.retrain-interval", "0")).scheduledRetraining()).isFalse();
  }

  @Test
  void refusesNegativeIntervalsAnEmptyCheckIntervalOrWindowAndAHugeModelNamingTheKey() {
    assertThatThrownBy(() -> bind(Map.of("shopsense.recommendations.retrain-interval", "-1h")))
        .isInstanceOf(BindException.class).hasStackTraceContaining("shopsense.recommendations.retrain-interval");
    assertThatThrownBy(() -> bind(Map.of("shopsense.recommendations.erasure-check-interval", "0s")))
        .isInstanceOf(BindException.class)
        .hasStackTraceContaining("shopsense.recommendations.erasure-check-interval");
    assertThatThrownBy(() -> bind(Map.of("shopsense.recommendations.conversion-window", "-7d")))
        .isInstanceOf(BindException.class).hasStackTraceContaining("shopsense.recommendations.conversion-window");
    assertThatThrownBy(() -> bind(Map.of("shopsense.recommendations.max-model-size", "3GB")))
        .isInstanceOf(BindException.class).hasStackTraceContaining("shopsense.recommendations.max-model-size");
    assertThatThrownBy(() -> bind(Map.of("shopsense.recommendations.context-cache-size", "0")))
        .isInstanceOf(BindException.class).hasStackTraceContaining("shopsense.recommendations.context-cache-size");
    assertThatThrownBy(() -> bind(Map.of("shopsense.recommendations.context-ttl", "0s")))
        .isInstanceOf(BindException.class).hasStackTraceContaining("shopsense.recommendations.context-ttl");
  }

  @Test
  void documentsEveryKeyInTheShippedApplicationYml() {
    ShippedApplicationYml.assertEveryKeyCommented("recommendations", RecommendationProperties.class);
  }
}
