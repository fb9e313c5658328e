package io.shopsense.server.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.shopsense.core.collect.BatchOutcome;
import io.shopsense.core.collect.EventOutcome;
import io.shopsense.core.collect.IngestListener;
import io.shopsense.core.collect.IngestRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Ingest metrics for Prometheus: {@code shopsense_ingest_events_total{outcome, reason}} and the latency of each
 * ingest call ({@code shopsense_ingest_batch_seconds}, with percentiles). Tags hold codes only, never ids.
 */
@Component
public class IngestMetrics implements IngestListener {
  private final MeterRegistry registry;
  private final Timer batches;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.batches = Timer.builder("shopsense.ingest.batch").description("time to ingest one call, durably")
        .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
  }

  @Override
  public void ingested(IngestRequest request, BatchOutcome outcome, long nanos) {
    batches.record(nanos, TimeUnit.NANOSECONDS);
    long accepted = 0;
    long duplicates = 0;
    for (EventOutcome e : outcome.events()) {
      switch (e.status()) {
        case ACCEPTED -> accepted++;
        case DUPLICATE -> duplicates++;
        case WITHHELD -> counter("withheld", e.reason()).increment();
        default -> counter("rejected", e.reason()).increment();
      }
    }
    counter("accepted", "").increment(accepted);
    counter("duplicate", "").increment(duplicates);
  }

  private Counter counter(String outcome, String reason) {
    return counters.computeIfAbsent(outcome + "/" + reason, k -> Counter.builder("shopsense.ingest.events")
        .description("events offered for ingest, by outcome and reject reason")
        .tag("outcome", outcome).tag("reason", reason).register(registry));
  }
}
