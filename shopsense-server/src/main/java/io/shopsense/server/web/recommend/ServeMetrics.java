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
 * HTTP and JSON layers are not). With a percentile histogram for Prometheus ({@code histogram_quantile} over
 * {@code shopsense_recommendations_serve_seconds_bucket}) and p50/p95/p99 per tag pair for
 * {@code /actuator/metrics/shopsense.recommendations.serve.percentile}. Meters are made once, up front.
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
            .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram().register(registry));
      }
      timers.put(scene, byBasis);
    }
  }

  void record(Scene scene, Recommendations.Basis basis, long nanos) {
    timers.get(scene).get(basis).record(nanos, TimeUnit.NANOSECONDS);
  }
}
