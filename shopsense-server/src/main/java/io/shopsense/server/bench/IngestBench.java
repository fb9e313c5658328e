package io.shopsense.server.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.demo.DemoSettings;
import io.shopsense.demo.DemoShop;
import io.shopsense.demo.LabelledEvent;
import io.shopsense.server.cli.ApiClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code POST /v1/batch} with durable acknowledgement: demo-shop batches sent by several client threads of this
 * process to a server in another process, every answer checked. The baseline, measured in the same run, is the raw
 * cost of writing the same bytes to a file on the same disk with the same fsync policy (one write and one fsync per
 * batch, one writer). Optionally a fraction of the events is malformed; the run then checks that the counts
 * reconcile exactly: every malformed event rejected with its expected reason and kept in the quarantine, every
 * valid one in the log.
 */
@Command(name = "ingest", description = "HTTP batch ingest with durable acknowledgement, against a raw-write baseline.")
public class IngestBench implements Callable<Integer> {
  @Option(names = "--events", defaultValue = "400000", description = "events to send (default: ${DEFAULT-VALUE})")
  long events;

  @Option(names = "--batch", defaultValue = "500", description = "events per batch (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--clients", defaultValue = "8", description = "concurrent clients (default: ${DEFAULT-VALUE})")
  int clients;

  @Option(names = "--malformed", defaultValue = "0", description = "fraction of malformed events, e.g. 0.1")
  double malformed;

  @Option(names = "--warmup", defaultValue = "0.1", description = "fraction of batches sent before measuring")
  double warmup;

  @Option(names = "--rate", defaultValue = "0",
      description = "paced sending: at most this many events/s in all (0: as fast as the server answers)")
  double rate;

  @Option(names = "--seed", defaultValue = "7")
  long seed;

  @Option(names = "--fsync", defaultValue = "true", negatable = true,
      description = "the server forces each group commit to disk (and the baseline each batch)")
  boolean fsync;

  @Option(names = "--work-dir", defaultValue = "./data/bench", description = "where the server's data and the baseline file go")
  Path workDir;

  @Option(names = "--server-heap", defaultValue = "2g")
  String heap;

  @Option(names = "--server-arg", description = "an extra server option, e.g. --shopsense.lake.enabled=false")
  List<String> serverArgs = new ArrayList<>();

  @Option(names = "--consent", defaultValue = "false", description = "enforce consent as shipped (nothing "
      + "pre-ticked: the demo visitors' own banner answers decide what is stored); without it the bench server declares "
      + "analytics and personalisation strictly necessary, so that every valid event is stored as before")
  boolean consent;

  @Option(names = "--server", description = "use this running server instead of starting one (with --key)")
  String serverUrl;

  @Option(names = "--key", description = "an admin key of --server")
  String key;

  @Override
  public Integer call() throws Exception {
    System.out.printf(Locale.ROOT, "bench ingest: %,d events in batches of %d, %d clients, %.0f%% malformed, "
        + "fsync %s, consent %s, %d cores%n", events, batch, clients, malformed * 100, fsync,
        consent ? "enforced (nothing pre-ticked)" : "not enforced (analytics declared strictly necessary)",
        Runtime.getRuntime().availableProcessors());
    Workload w = generate();
    System.out.printf(Locale.ROOT, "generated %,d batches (%,.1f MB)%n", w.bodies.size(), w.bytes / 1e6);
    Files.createDirectories(workDir);
    double baseline = baseline(w);
    try (BenchServer server = serverUrl != null ? BenchServer.existing(serverUrl, key)
        : BenchServer.start(workDir, heap, consentArgs(consent, serverArgs(fsync, serverArgs)))) {
      String ingestKey = new ApiClient(server.url, server.adminKey)
          .post("/v1/keys", Map.of("source", "bench", "scopes", List.of("ingest"))).get("secret").asText();
      int warm = (int) Math.round(w.bodies.size() * warmup);
      Run warmRun = send(server.url, ingestKey, w.bodies.subList(0, warm));
      Duration serverCpu0 = server.cpu();
      long clientCpu0 = clientCpuNanos();
      Run run = send(server.url, ingestKey, w.bodies.subList(warm, w.bodies.size()));
      double clientCpu = (clientCpuNanos() - clientCpu0) / 1e9;
      Duration serverCpu1 = server.cpu();
      double serverP99 = server.quantile("shopsense_ingest_batch_seconds", 0.99) * 1000;
      report(w, warmRun, run, baseline, serverP99);
      System.out.printf(Locale.ROOT, "cpu:      during the measured %.1f s the load generator used %.1f core-s%s of the "
          + "%d cores%n", run.seconds, clientCpu, serverCpu0 == null ? "" : String.format(Locale.ROOT,
          ", the server %.1f core-s", (serverCpu1.toNanos() - serverCpu0.toNanos()) / 1e9),
          Runtime.getRuntime().availableProcessors());
      double catchUp = awaitPipeline(server);
      System.out.printf(Locale.ROOT, "pipeline: identity, profiles and lake caught up %.1f s after the last "
          + "acknowledgement (%,.0f events/s including them)%n", catchUp, run.events / (run.seconds + catchUp));
      JsonNode latency = server.get("/v1/profiles/latency");
      System.out.printf(Locale.ROOT, "profiles: event to profile (ms, latest %,d events): p50 %d  p90 %d  p99 %d  max %d%n",
          latency.get("samples").asLong(), latency.get("p50").asLong(), latency.get("p90").asLong(),
          latency.get("p99").asLong(), latency.get("max").asLong());
      return reconcile(server, w, warmRun, run) ? 0 : 2;
    }
  }

  /** Without {@code enforce}, everything is stored: analytics and personalisation declared strictly necessary. */
  static List<String> consentArgs(boolean enforce, List<String> args) {
    List<String> out = new ArrayList<>(args);
    if (!enforce) {
      out.add("--shopsense.consent.strictly-necessary.analytics=legitimate_interests");
      out.add("--shopsense.consent.strictly-necessary.personalisation=legitimate_interests");
    }
    return out;
  }

  static List<String> serverArgs(boolean fsync, List<String> extra) {
    List<String> args = new ArrayList<>(extra);
    args.add("--shopsense.store.fsync=" + fsync);
    return args;
  }

  /** The request bodies and, for a malformed workload, the expected rejections per reason. */
  private record Workload(List<byte[]> bodies, long events, long bytes, long valid, Map<String, Long> expected) {}

  private Workload generate() {
    DemoShop shop = DemoShop.of(DemoSettings.of(seed, events, Instant.now()));
    List<byte[]> bodies = new ArrayList<>();
    if (malformed <= 0) {
      long n = shop.writeBatches(batch, bodies::add).events();
      return new Workload(bodies, n, bodies.stream().mapToLong(b -> b.length).sum(), n, Map.of());
    }
    Map<String, Long> expected = new TreeMap<>();
    long[] counts = new long[2];
    ArrayNode current = JsonCodec.mapper().createArrayNode();
    Iterator<LabelledEvent> it = shop.malformed(malformed).iterator();
    while (it.hasNext()) {
      LabelledEvent e = it.next();
      counts[0]++;
      e.expectedReason().ifPresentOrElse(r -> expected.merge(r, 1L, Long::sum), () -> counts[1]++);
      current.add(e.event());
      if (current.size() == batch || !it.hasNext()) {
        ObjectNode body = JsonCodec.mapper().createObjectNode();
        body.set("batch", current);
        bodies.add(JsonCodec.bytes(body));
        current = JsonCodec.mapper().createArrayNode();
      }
    }
    return new Workload(bodies, counts[0], bodies.stream().mapToLong(b -> b.length).sum(), counts[1], expected);
  }

  /** Events per second of writing the bodies to a file, one write (and fsync) per batch. */
  private double baseline(Workload w) throws IOException {
    Path file = Files.createTempFile(workDir, "baseline-", ".log");
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      long start = System.nanoTime();
      for (byte[] body : w.bodies) {
        ByteBuffer buf = ByteBuffer.wrap(body);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        if (fsync) {
          ch.force(false);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return w.events / seconds;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** What one pass of sending answered. */
  private record Run(long events, double seconds, Histogram latencyMicros, long accepted, long duplicates,
      long rejected, Map<String, Long> rejectedByReason, long failures, long withheld) {}

  private Run send(String url, String ingestKey, List<byte[]> bodies) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ConcurrentHistogram latency = new ConcurrentHistogram(60_000_000L, 3);
    AtomicInteger next = new AtomicInteger();
    AtomicLong accepted = new AtomicLong();
    AtomicLong duplicates = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    AtomicLong withheld = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    AtomicLong sentEvents = new AtomicLong();
    Map<String, Long> reasons = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
          if (rate > 0) { // batch i is due when the events before it fit the rate
            long due = start + (long) (i * (double) batch / rate * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
              Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
          }
          long t0 = System.nanoTime();
          HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/batch"))
              .header("Authorization", "Bearer " + ingestKey).header("Content-Type", "application/json")
              .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build(),
              HttpResponse.BodyHandlers.ofByteArray());
          latency.recordValue(Math.max(1, (System.nanoTime() - t0) / 1_000));
          if (r.statusCode() != 200) {
            failures.incrementAndGet();
            continue;
          }
          long[] counts = counts(r.body());
          accepted.addAndGet(counts[0]);
          duplicates.addAndGet(counts[1]);
          rejected.addAndGet(counts[2]);
          withheld.addAndGet(counts[3]);
          sentEvents.addAndGet(counts[0] + counts[1] + counts[2] + counts[3]);
          if (counts[2] > 0) { // the per-event results are read only when there are reasons to count
            for (JsonNode e : JsonCodec.parse(r.body()).get("results")) {
              if (e.has("reason") && "rejected".equals(e.path("status").asText())) {
                reasons.merge(e.get("reason").asText(), 1L, Long::sum);
              }
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new Run(sentEvents.get(), seconds, latency, accepted.get(), duplicates.get(), rejected.get(),
        new TreeMap<>(reasons), failures.get(), withheld.get());
  }

  /**
   * accepted, duplicates, rejected, withheld: the answer's leading fields, read without building the per-event results, so
   * that the load generator spends as little of the shared CPU as it can.
   */
  static long[] counts(byte[] body) throws IOException {
    long[] counts = new long[4];
    int found = 0;
    try (JsonParser p = JsonCodec.mapper().getFactory().createParser(body)) {
      p.nextToken();
      while (found < 4 && p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "accepted" -> counts[0] = p.getLongValue();
          case "duplicates" -> counts[1] = p.getLongValue();
          case "rejected" -> counts[2] = p.getLongValue();
          case "withheld" -> counts[3] = p.getLongValue();
          default -> p.skipChildren();
        }
        found += name.equals("accepted") || name.equals("duplicates") || name.equals("rejected")
            || name.equals("withheld") ? 1 : 0;
      }
    }
    return counts;
  }

  private static long clientCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Seconds until every consumer of the log has processed everything. */
  private static double awaitPipeline(BenchServer server) throws Exception {
    long start = System.nanoTime();
    while (true) {
      boolean caughtUp = true;
      for (JsonNode c : server.get("/v1/pipeline").get("consumers")) {
        caughtUp &= c.get("lag").asLong() == 0;
      }
      if (caughtUp || System.nanoTime() - start > 600e9) {
        return (System.nanoTime() - start) / 1e9;
      }
      Thread.sleep(100);
    }
  }

  private void report(Workload w, Run warm, Run run, double baseline, double serverP99) {
    double rate = run.events / run.seconds;
    Histogram h = run.latencyMicros;
    System.out.printf(Locale.ROOT, "warm-up:  %,d events in %.1f s%n", warm.events, warm.seconds);
    System.out.printf(Locale.ROOT, "measured: %,d events in %,d batches in %.2f s = %,.0f events/s%n", run.events,
        h.getTotalCount(), run.seconds, rate);
    System.out.printf(Locale.ROOT, "batch latency (client, ms): p50 %.1f  p99 %.1f  p99.9 %.1f  max %.1f;"
        + " server p99 <= %.0f ms (histogram bucket, warm-up included)%n", h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
        h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, serverP99);
    System.out.printf(Locale.ROOT, "baseline: raw write of the same bytes, one %sper batch: %,.0f events/s%n",
        fsync ? "fsync " : "write ", baseline);
    System.out.printf(Locale.ROOT, "ratio:    ingest / baseline = %.2f%n", rate / baseline);
  }

  private boolean reconcile(BenchServer server, Workload w, Run warm, Run run) throws Exception {
    long answered = warm.events + run.events;
    long accepted = warm.accepted + run.accepted;
    long rejected = warm.rejected + run.rejected;
    long duplicates = warm.duplicates + run.duplicates;
    long withheld = warm.withheld + run.withheld;
    Map<String, Long> reasons = new TreeMap<>(warm.rejectedByReason);
    run.rejectedByReason.forEach((k, v) -> reasons.merge(k, v, Long::sum));
    JsonNode quality = server.get("/v1/quality").get("bySource").path("bench");
    Map<String, Long> quarantined = new TreeMap<>();
    quality.path("rejectedByReason").fields().forEachRemaining(e -> quarantined.put(e.getKey(), e.getValue().asLong()));
    boolean ok = warm.failures + run.failures == 0 && answered == w.events
        && accepted + duplicates + withheld == w.valid && rejected == w.events - w.valid
        && (w.expected.isEmpty() || reasons.equals(w.expected)) && quarantined.equals(reasons);
    System.out.printf(Locale.ROOT, "reconcile: sent %,d = accepted %,d + duplicates %,d + rejected %,d + withheld "
        + "(no consent) %,d; failed requests %d%n", w.events, accepted, duplicates, rejected, withheld,
        warm.failures + run.failures);
    if (!w.expected.isEmpty() || !reasons.isEmpty()) {
      System.out.println("  rejected by reason (answers):    " + reasons);
      System.out.println("  expected by the generator:       " + w.expected);
      System.out.println("  in the quarantine (quality):     " + quarantined);
    }
    System.out.println(ok ? "reconciles exactly" : "DOES NOT RECONCILE");
    return ok;
  }
}
