package io.shopsense.server.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsense.core.pipeline.ConsumerStatus;
import io.shopsense.platform.Platform;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queue depth for Prometheus: how far each consumer of the event log lags behind it
 * ({@code shopsense_pipeline_lag_events{consumer}}), and the log's size.
 */
@Component
public class PipelineMetrics {
  private final Platform platform;
  private final MeterRegistry registry;

  public PipelineMetrics(Platform platform, MeterRegistry registry) {
    this.platform = platform;
    this.registry = registry;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void register() {
    for (ConsumerStatus s : platform.pipeline().status()) {
      Gauge.builder("shopsense.pipeline.lag", platform, p -> lag(p, s.name())).baseUnit("events")
          .description("events of the log a consumer has yet to process").tag("consumer", s.name())
          .register(registry);
    }
    Gauge.builder("shopsense.eventlog.last.seq", platform, p -> p.stores().eventLog().lastSeq())
        .description("the sequence number of the last stored event").register(registry);
  }

  private static double lag(Platform platform, String consumer) {
    return platform.pipeline().status().stream().filter(s -> s.name().equals(consumer)).findFirst()
        .map(ConsumerStatus::lag).orElse(0L);
  }
}
