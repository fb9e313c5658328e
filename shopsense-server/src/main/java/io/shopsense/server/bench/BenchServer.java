package io.shopsense.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.json.JsonCodec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The server under benchmark: the packaged jar in a process of its own (so that the load generator never shares a
 * JVM with it) over a fresh data directory, or a server already running elsewhere.
 */
final class BenchServer implements AutoCloseable {
  private final Process process;
  private final Path dataDir;
  private final boolean ownsDataDir;
  final String url;
  final String adminKey;

  private BenchServer(Process process, Path dataDir, boolean ownsDataDir, String url, String adminKey) {
    this.process = process;
    this.dataDir = dataDir;
    this.ownsDataDir = ownsDataDir;
    this.url = url;
    this.adminKey = adminKey;
  }

  /** A running server, given by URL and admin key. */
  static BenchServer existing(String url, String adminKey) {
    return new BenchServer(null, null, false, url, adminKey);
  }

  /** Starts {@code java -jar shopsense.jar serve} over a fresh folder under {@code parent} and waits until healthy. */
  static BenchServer start(Path parent, String heap, List<String> serverArgs) throws IOException,
      InterruptedException {
    Files.createDirectories(parent);
    return startOn(Files.createTempDirectory(parent, "bench-"), heap, serverArgs, true);
  }

  /** Extra JVM options for the server under test (e.g. a flight recording), space-separated. */
  static final String SERVER_JVM_OPTS = "SHOPSENSE_BENCH_SERVER_JVM_OPTS";

  /**
   * Starts {@code java -jar shopsense.jar serve} over the data folder {@code dir} and waits until healthy; with
   * {@code owns}, the folder is deleted when the server is closed. JVM options in {@value #SERVER_JVM_OPTS} are
   * added to the server's command line (a profile of the server from its start avoids the deoptimisation that
   * attaching a recorder later causes).
   */
  static BenchServer startOn(Path dir, String heap, List<String> serverArgs, boolean owns) throws IOException,
      InterruptedException {
    return startOn(dir, heap, List.of(), serverArgs, owns);
  }

  /** As {@link #startOn(Path, String, List, boolean)}, with JVM options for the server before those of the env. */
  static BenchServer startOn(Path dir, String heap, List<String> jvmOptions, List<String> serverArgs, boolean owns)
      throws IOException, InterruptedException {
    Path jar = ownJar();
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap));
    String extra = System.getenv(SERVER_JVM_OPTS);
    List<String> extras = new ArrayList<>(jvmOptions);
    if (extra != null && !extra.isBlank()) {
      extras.addAll(List.of(extra.trim().split("\\s+")));
    }
    if (extras.stream().noneMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"))) {
      cmd.add("-XX:+UseParallelGC"); // unless the options choose a collector
    }
    cmd.addAll(extras);
    cmd.addAll(List.of("-jar", jar.toString(), "serve", "--port", Integer.toString(port), "--data-dir",
        dir.toString()));
    cmd.addAll(serverArgs);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("server.log").toFile()).start();
    String url = "http://127.0.0.1:" + port;
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (true) {
      if (!p.isAlive()) {
        throw new IllegalStateException("the server exited; see " + dir.resolve("server.log"));
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && Files.exists(dir.resolve("admin-key"))) {
          break;
        }
      } catch (IOException notYet) {
        // still starting
      }
      if (System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IllegalStateException("the server did not start in 120 s; see " + dir.resolve("server.log"));
      }
      Thread.sleep(200);
    }
    String key = Files.readString(dir.resolve("admin-key"), StandardCharsets.UTF_8).strip();
    return new BenchServer(p, dir, owns, url, key);
  }

  /** The jar this command runs from: {@code java -jar shopsense.jar bench ...}. */
  static Path ownJar() {
    String cp = System.getProperty("java.class.path", "");
    if (cp.endsWith(".jar") && !cp.contains(java.io.File.pathSeparator) && Files.isRegularFile(Path.of(cp))) {
      return Path.of(cp).toAbsolutePath();
    }
    throw new IllegalStateException("run benchmarks from the packaged jar: ./shopsense bench ...");
  }

  /** CPU time the server process has used so far, or null for a server that is not ours. */
  Duration cpu() {
    return process == null ? null : process.toHandle().info().totalCpuDuration().orElse(null);
  }

  Path dataDir() {
    return dataDir;
  }

  /**
   * A quantile of one of the server's timers, in seconds, estimated from its Prometheus histogram as Prometheus'
   * {@code histogram_quantile} does (the upper bound of the bucket the quantile falls in); NaN when absent.
   */
  double quantile(String timer, double q) throws IOException, InterruptedException {
    java.util.TreeMap<Double, Double> buckets = new java.util.TreeMap<>();
    for (String line : prometheus()) {
      if (line.startsWith(timer + "_bucket{")) {
        int le = line.indexOf("le=\"") + 4;
        String bound = line.substring(le, line.indexOf('"', le));
        buckets.put(bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound),
            Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
      }
    }
    if (buckets.isEmpty()) {
      return Double.NaN;
    }
    double total = buckets.lastEntry().getValue();
    for (var b : buckets.entrySet()) {
      if (b.getValue() >= q * total) {
        return b.getKey();
      }
    }
    return Double.NaN;
  }

  /** The lines of the server's Prometheus metrics now. */
  String[] prometheus() throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
        .header("Authorization", "Bearer " + adminKey).build(), HttpResponse.BodyHandlers.ofString()).body()
        .split("\n");
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + path))
        .header("Authorization", "Bearer " + adminKey).build(), HttpResponse.BodyHandlers.ofByteArray());
    return JsonCodec.parse(r.body());
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    if (ownsDataDir) {
      try (Stream<Path> paths = Files.walk(dataDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
