package io.shopsense.server.web.recommend;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.shopsense.core.recommend.serve.Recommendations;
import io.shopsense.core.recommend.serve.Scene;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The server-side time to serve one recommendation list, {@code shopsense.recommendations.serve} tagged with
 * {@code scene} and {@code basis}: from the parsed query to the answer, person lookup and usage record included (the
 * HTTP and JSON layers are not). It publishes a percentile histogram: read p99 from {@code /actuator/prometheus} with
 * {@code histogram_quantile(0.99, sum by (le) (rate(shopsense_recommendations_serve_seconds_bucket[1m])))}, or from the
 * cumulative bucket counts of two scrapes; {@code /actuator/metrics/shopsense.recommendations.serve} gives count,
 * total time and max (the Prometheus registry publishes no separate percentile gauges). Meters are made up front.
 */
@Component
public class ServeMetrics {
  static final String NAME = "shopsense.recommendations.serve";

  private final Map<Scene, Map<Recommendations.Basis, Timer>> timers = new EnumMap<>(Scene.class);

  public ServeMetrics(MeterRegistry registry) {
    for (Scene scene : Scene.values()) {
      Map<Recommendations.Basis, Timer> byBasis = new EnumMap<>(Recommendations.Basis.class);
      for (Recommendations.Basis basis : Recommendations.Basis.values()) {
        byBasis.put(basis, Timer.builder(NAME).description("time to serve one recommendation list, server-side")
            .tag("scene", scene.wireName()).tag("basis", basis.wireName())
            .publishPercentileHistogram().register(registry));
      }
      timers.put(scene, byBasis);
    }
  }

  void record(Scene scene, Recommendations.Basis basis, long nanos) {
    timers.get(scene).get(basis).record(nanos, TimeUnit.NANOSECONDS);
  }
}
