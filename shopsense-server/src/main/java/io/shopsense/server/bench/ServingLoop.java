package io.shopsense.server.bench;

import io.shopsense.core.recommend.serve.RecommendationRequest;
import io.shopsense.core.recommend.serve.RecommendationService;
import io.shopsense.core.recommend.serve.Recommendations;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.recommend.RecommendationParameters;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The serving work alone, in process: the bench's requests through {@link RecommendationService#recommend} on one
 * thread, without HTTP, security or JSON. Prints the thread's CPU per list and the per-call time quantiles, overall
 * and per scene, after warm-up passes (the JIT's and the caches'). What the HTTP figures are compared against.
 */
final class ServingLoop {
  private ServingLoop() {
  }

  static void run(Platform platform, List<String> paths, int warmupPasses, int passes) {
    List<RecommendationRequest> requests = new ArrayList<>(paths.size());
    for (String path : paths) {
      requests.add(RecommendationParameters.parse(raw(path), platform.servingPersons()));
    }
    RecommendationService service = platform.recommendationService();
    for (int w = 0; w < warmupPasses; w++) {
      long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      for (RecommendationRequest r : requests) {
        service.recommend(r);
      }
      System.out.printf(Locale.ROOT, "warm-up pass %d: CPU %.1f µs per list; consent states in memory: %,d%n", w + 1,
          (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1e3 / requests.size(),
          platform.consentCheck().cached());
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    LatencyRecord all = new LatencyRecord(requests.size() * passes);
    Map<String, LatencyRecord> byScene = new TreeMap<>();
    Map<String, Long> byBasis = new TreeMap<>();
    com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
    long bytes0 = allocation.getCurrentThreadAllocatedBytes();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    for (int p = 0; p < passes; p++) {
      for (RecommendationRequest r : requests) {
        long t0 = System.nanoTime();
        Recommendations served = service.recommend(r);
        long t = System.nanoTime() - t0;
        all.add(t);
        byScene.computeIfAbsent(r.scene().wireName(), s -> new LatencyRecord(requests.size() * passes)).add(t);
        byBasis.merge(served.basis().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
      }
    }
    long cpu = threads.getCurrentThreadCpuTime() - cpu0;
    long wall = System.nanoTime() - wall0;
    long bytes = allocation.getCurrentThreadAllocatedBytes() - bytes0;
    System.out.printf(Locale.ROOT, "in process, one thread, %,d lists (%d passes over %,d requests after %d warm-up"
        + " passes): CPU %.1f µs per list, wall %.1f µs per list, %,d bytes allocated per list; per call %s; by basis"
        + " %s%n", all.size(), passes, requests.size(), warmupPasses, cpu / 1e3 / all.size(), wall / 1e3 / all.size(),
        bytes / all.size(), all.quantiles().summary().describe(),
        byBasis);
    byScene.forEach((scene, record) -> System.out.printf(Locale.ROOT, "  %-13s %,7d lists: %s%n", scene,
        record.size(), record.quantiles().summary().describe()));
  }

  /** A bench path's query ({@code /v1/recommendations?scene=..&item=..}) as the controller's raw parameters. */
  static RecommendationParameters.Raw raw(String path) {
    String query = path.substring(path.indexOf('?') + 1);
    Map<String, String> one = new TreeMap<>();
    List<String> items = new ArrayList<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (key.equals("item")) {
        items.add(value);
      } else {
        one.put(key, value);
      }
    }
    return new RecommendationParameters.Raw(one.get("scene"), one.get("user"), one.get("userId"),
        one.get("anonymousId"), items.isEmpty() ? null : items.toArray(String[]::new), one.get("n"),
        one.get("locale"));
  }
}
