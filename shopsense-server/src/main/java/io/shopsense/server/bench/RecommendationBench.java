package io.shopsense.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.collect.IngestListener;
import io.shopsense.core.identity.PersonIds;
import io.shopsense.demo.DemoSettings;
import io.shopsense.demo.DemoShop;
import io.shopsense.platform.Platform;
import io.shopsense.platform.PlatformSettings;
import io.shopsense.server.cli.ApiClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shopsense bench recommendations}: the serving path under open-loop load from another process. A seeded shop
 * is loaded once into a data folder (real consent: the visitors' own banner answers) and the platform's models are
 * trained there ({@code Platform.recommendations().retrain()}, written beside the data); a server started on the
 * folder serves the newest set it finds. Then a {@link LoadGen} child JVM sends
 * the {@link RequestMix} at a fixed rate (warm-up, then the measured window), and the same load goes to
 * {@code /actuator/health/liveness} of the same server as the baseline. Server-side figures come from two sources:
 * Tomcat's access log ({@link AccessLog}, exact, the whole HTTP request) and the service's own timer
 * {@code shopsense.recommendations.serve} (Prometheus buckets, the window's delta, an upper bound); client-side
 * figures from the load generator, measured from each request's due time.
 */
@Command(name = "recommendations", description = "GET /v1/recommendations under open-loop load from another process,"
    + " against a trivial endpoint of the same server.")
public class RecommendationBench implements Callable<Integer> {
  static final String SERVE_TIMER = "shopsense_recommendations_serve_seconds";
  static final String PATH = "/v1/recommendations";
  static final String BASELINE = "/actuator/health/liveness";
  /** The server's worker threads in this bench: 4 per core. */
  static final int SERVING_THREADS = 4 * Runtime.getRuntime().availableProcessors();
  /** The server's young generation in this bench (of its 2 GiB heap by default; --heap must exceed it). */
  static final String SERVING_YOUNG_GEN = "-Xmn1200m";

  @Option(names = "--events", defaultValue = "1000000", description = "generated events (default: ${DEFAULT-VALUE})")
  long events;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(names = "--rate", defaultValue = "1000", description = "requests per second (default: ${DEFAULT-VALUE})")
  int rate;

  @Option(names = "--warmup", defaultValue = "60", description = "seconds not measured: the server's JIT and caches"
      + " settle (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--duration", defaultValue = "60", description = "seconds measured (default: ${DEFAULT-VALUE})")
  int duration;

  @Option(names = "--connections", defaultValue = "16",
      description = "load generator threads, each with a kept-alive connection, as a storefront's connection pool"
          + " (default: ${DEFAULT-VALUE})")
  int connections;

  @Option(names = "--distinct", defaultValue = "20000",
      description = "distinct requests, cycled (default: ${DEFAULT-VALUE})")
  int distinct;

  @Option(names = "--heap", defaultValue = "2g", description = "the server's heap (default: ${DEFAULT-VALUE})")
  String heap;

  @Option(names = "--work-dir", defaultValue = "./data/bench-recommendations")
  Path workDir;

  @Option(names = "--in-process", description = "only the serving work: the requests through the platform's"
      + " recommendation service on one thread in this JVM, without HTTP (no server, no load generator)")
  boolean inProcess;

  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

  @Override
  public Integer call() throws Exception {
    Path dir = workDir.resolve("shop-" + events + "-seed" + seed).toAbsolutePath();
    DemoShop shop = DemoShop.of(DemoSettings.of(seed, events, NOW));
    if (!Files.exists(dir.resolve("READY"))) {
      prepare(dir, shop);
    }
    if (!Files.exists(dir.resolve("TRAINED"))) {
      train(dir, shop);
    }
    if (inProcess) {
      try (Platform p = open(dir)) {
        ServingLoop.run(p, RequestMix.of(shop).paths(distinct, seed), 3, 3);
      }
      return 0;
    }
    Path run = Files.createTempDirectory(workDir.toAbsolutePath(), "run-");
    Path recommendations = Files.write(run.resolve("recommendations.paths"),
        RequestMix.of(shop).paths(distinct, seed));
    Path baseline = Files.write(run.resolve("baseline.paths"), List.of(BASELINE));
    Path access = Files.createDirectories(run.resolve("access"));
    List<String> args = new ArrayList<>(AccessLog.serverArgs(access));
    args.add("--shopsense.recommendations.retrain-interval=0");
    // sub-millisecond buckets for the serve timer (the default histogram starts at 1 ms)
    args.add("--management.metrics.distribution.minimum-expected-value.shopsense.recommendations.serve=50us");
    Window recs;
    Window base;
    // a serving node: CPU-bound reads want few worker threads (4 per core, not Tomcat's 200, which on 2 cores only
    // adds context switches and safepoint waits) and a young generation large enough that a collection (a pause of
    // 15-30 ms here) comes every several seconds rather than every second or two
    args.add("--server.tomcat.threads.max=" + SERVING_THREADS);
    try (BenchServer server = BenchServer.startOn(dir, heap, List.of(SERVING_YOUNG_GEN), args, false)) {
      ApiClient api = new ApiClient(server.url, server.adminKey);
      JsonNode models = api.get("/v1/recommendations/models");
      if (models.path("version").asText("none").equals("none")) {
        throw new IllegalStateException("the server serves no models: " + models);
      }
      System.out.println("served models: " + models);
      System.out.println("a sample answer: " + api.get(Files.readAllLines(recommendations).get(0)));
      recs = drive(server, recommendations, true);
      base = drive(server, baseline, false);
    }
    AccessLog.Window recsServer = AccessLog.read(access, PATH, recs.report.windowStartMillis(),
        recs.report.windowEndMillis());
    AccessLog.Window baseServer = AccessLog.read(access, BASELINE, base.report.windowStartMillis(),
        base.report.windowEndMillis());
    report(recs, recsServer, base, baseServer);
    return 0;
  }

  private void report(Window recs, AccessLog.Window recsServer, Window base, AccessLog.Window baseServer) {
    System.out.printf(Locale.ROOT, "%n%,d events (seed %d), %,d req/s offered for %d s after %d s of warm-up, %d"
        + " client connections, %d cores, load average %.1f%n", events, seed, rate, duration, warmup, connections,
        Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println("| Endpoint | Achieved req/s | 200s | Server p50 | Server p99 | Server max | Service timer"
        + " p50 / p99 (bucket bound) | Client p50 | Client p99 | Client max | Server CPU / request | Client CPU /"
        + " request |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    row("GET " + PATH, recs, recsServer);
    row("GET " + BASELINE + " (baseline)", base, baseServer);
    if (recs.timerAfter != null) {
      System.out.println("\nanswers by basis in the window (service timer counts): "
          + recs.timerAfter.countsSince(recs.timerBefore));
    }
    System.out.println("outcomes (recommendations): " + recs.report.outcomes() + "; (baseline): "
        + base.report.outcomes());
    System.out.printf(Locale.ROOT, "ratio: server p99 recommendations / baseline = %.1f; target p99 <= 10 ms at >="
        + " 1,000 req/s: %s%n", recsServer.times().p99() / (double) Math.max(1, baseServer.times().p99()),
        recsServer.times().p99() <= 10_000_000 && recs.report.achievedRate() >= 1000 * 0.99 ? "met" : "NOT met");
  }

  private void row(String name, Window w, AccessLog.Window server) {
    String timer = w.timerAfter == null ? "—" : String.format(Locale.ROOT, "%s / %s ms",
        ms(w.timerAfter.quantileSince(w.timerBefore, 0.5) * 1e9),
        ms(w.timerAfter.quantileSince(w.timerBefore, 0.99) * 1e9));
    LoadReport r = w.report;
    System.out.printf(Locale.ROOT, "| %s | %,.0f | %,d of %,d | %s ms | %s ms | %s ms | %s | %s ms | %s ms | %s ms |"
            + " %.0f µs | %.0f µs |%n", name, r.achievedRate(), r.ok(), r.answered(), ms(server.times().p50()),
        ms(server.times().p99()), ms(server.times().max()), timer, ms(r.latency().p50()), ms(r.latency().p99()),
        ms(r.latency().max()), w.serverCpu.toNanos() / 1e3 / Math.max(1, r.answered()),
        w.clientCpu.toNanos() / 1e3 / Math.max(1, r.answered()));
  }

  private static String ms(double nanos) {
    return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
  }

  /** One load run: the load generator's report, the serve timer around its window and the CPU both used in it. */
  private record Window(LoadReport report, ServerHistogram timerBefore, ServerHistogram timerAfter,
      Duration serverCpu, Duration clientCpu) {}

  private Window drive(BenchServer server, Path paths, boolean serveTimer) throws Exception {
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-XX:+UseParallelGC", "-jar", BenchServer.ownJar().toString(), "bench", "loadgen", "--url", server.url,
        "--key", server.adminKey, "--paths", paths.toString(), "--rate", Integer.toString(rate), "--warmup",
        Integer.toString(warmup), "--duration", Integer.toString(duration), "--connections",
        Integer.toString(connections));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    ServerHistogram before = null;
    Duration serverCpu0 = Duration.ZERO;
    Duration clientCpu0 = Duration.ZERO;
    LoadReport report = null;
    Duration serverCpu = Duration.ZERO;
    Duration clientCpu = Duration.ZERO;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(LoadReport.WINDOW_START)) {
          serverCpu0 = server.cpu();
          clientCpu0 = p.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
          before = serveTimer ? ServerHistogram.of(server.prometheus(), SERVE_TIMER, "basis") : null;
        } else if (LoadReport.isResult(line)) {
          report = LoadReport.parse(line);
          serverCpu = server.cpu().minus(serverCpu0);
          clientCpu = p.toHandle().info().totalCpuDuration().orElse(Duration.ZERO).minus(clientCpu0);
        } else {
          System.out.println("  [loadgen] " + line);
        }
      }
    }
    if (p.waitFor() != 0 || report == null) {
      throw new IllegalStateException("the load generator failed (exit " + p.exitValue() + ")");
    }
    ServerHistogram after = serveTimer ? ServerHistogram.of(server.prometheus(), SERVE_TIMER, "basis") : null;
    return new Window(report, before, after, serverCpu, clientCpu);
  }

  /** Loads the shop's events through the in-process ingest path, identity and the lake, with the visitors' consent. */
  private void prepare(Path dir, DemoShop shop) throws Exception {
    Files.createDirectories(dir);
    long t0 = System.nanoTime();
    try (Platform p = open(dir)) {
      long n = BenchShop.load(p, shop, NOW, t0);
      System.out.printf(Locale.ROOT, "loaded %,d events, %,d persons in %.0f s%n", n,
          p.stores().identityGraph().persons(), (System.nanoTime() - t0) / 1e9);
    }
    Files.writeString(dir.resolve("READY"), Long.toString(events));
  }

  /**
   * Stores the shop's catalog (the serving path recommends catalog products only) and trains the platform's models,
   * in a platform opened after the load, so that the lake holds every event (closing flushes its writer).
   */
  private void train(Path dir, DemoShop shop) throws Exception {
    try (Platform p = open(dir)) {
      List<JsonNode> products = new ArrayList<>(shop.products());
      long stored = p.catalog().upsert(products).stream().filter(o -> o.stored()).count();
      p.recommendations().refreshCatalog();
      long t1 = System.nanoTime();
      var summary = p.recommendations().retrain();
      System.out.printf(Locale.ROOT, "catalog: %,d of %,d products stored; trained the models in %.0f s: %s%n",
          stored, products.size(), (System.nanoTime() - t1) / 1e9, summary);
    }
    Files.writeString(dir.resolve("TRAINED"), Long.toString(events));
  }

  private static Platform open(Path dir) {
    return Platform.open(PlatformSettings.embedded(dir), Clock.systemUTC(), PersonIds.sequential(),
        IngestListener.NONE).start();
  }
}
