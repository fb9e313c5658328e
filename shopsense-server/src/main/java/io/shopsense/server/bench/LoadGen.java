package io.shopsense.server.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shopsense bench loadgen}: an open-loop HTTP load generator, meant to run in a process of its own beside the
 * server under test. It sends {@code GET} requests for the paths of a file (one a line, used in order and cycled) on
 * the {@link LoadSchedule} (a fixed rate, a warm-up, a measured window) from {@code --connections} threads with
 * kept-alive connections. Latency is measured from each request's due time, so that a client that falls behind
 * counts against the server rather than hiding it; the service time (from the actual send) is printed beside it. At
 * the warm-up's end it prints {@link LoadReport#WINDOW_START} and the wall-clock time, so that a caller can snapshot
 * the server's own metrics; at the end, a {@link LoadReport} line.
 */
@Command(name = "loadgen", description = "Open-loop GET load at a fixed rate from this process, e.g. against a server.")
public class LoadGen implements Callable<Integer> {
  @Option(names = "--url", required = true, description = "the server, e.g. http://127.0.0.1:8080")
  String url;

  @Option(names = "--key", description = "an API key, sent as a bearer token with every request")
  String key;

  @Option(names = "--paths", required = true, description = "a file of request paths with their queries, one a line")
  Path paths;

  @Option(names = "--rate", defaultValue = "1000", description = "requests per second (default: ${DEFAULT-VALUE})")
  int rate;

  @Option(names = "--warmup", defaultValue = "20", description = "seconds not measured (default: ${DEFAULT-VALUE})")
  int warmupSeconds;

  @Option(names = "--duration", defaultValue = "60", description = "seconds measured (default: ${DEFAULT-VALUE})")
  int seconds;

  @Option(names = "--connections", defaultValue = "64",
      description = "client threads, each with a kept-alive connection (default: ${DEFAULT-VALUE})")
  int connections;

  @Override
  public Integer call() throws Exception {
    List<String> lines = Files.readAllLines(paths, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("no request paths in " + paths);
    }
    LoadSchedule schedule = LoadSchedule.of(rate, warmupSeconds, seconds);
    HttpRequest[] requests = new HttpRequest[lines.size()];
    for (int i = 0; i < requests.length; i++) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + lines.get(i))).timeout(Duration.ofSeconds(30));
      requests[i] = (key == null ? b : b.header("Authorization", "Bearer " + key)).GET().build();
    }
    System.out.printf(Locale.ROOT, "loadgen: %,d req/s for %d s after %d s of warm-up, %d connections, %,d distinct"
        + " requests, to %s%n", rate, seconds, warmupSeconds, connections, requests.length, url);
    return run(schedule, requests);
  }

  private int run(LoadSchedule schedule, HttpRequest[] requests) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    LatencyRecord latency = new LatencyRecord((int) Math.min(10_000_000, schedule.measured()));
    LatencyRecord service = new LatencyRecord((int) Math.min(10_000_000, schedule.measured()));
    Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    LongAdder late = new LongAdder();
    AtomicLong next = new AtomicLong();
    AtomicLong windowEndMillis = new AtomicLong();
    AtomicLong windowStartMillis = new AtomicLong();
    long start = System.nanoTime() + 200_000_000L;
    Thread[] threads = new Thread[connections];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (long i = next.getAndIncrement(); i < schedule.total(); i = next.getAndIncrement()) {
          long due = start + schedule.dueNanos(i);
          for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
          }
          if (i == schedule.warmup()) {
            windowStartMillis.set(System.currentTimeMillis());
            System.out.println(LoadReport.WINDOW_START + " " + windowStartMillis.get());
          }
          long sent = System.nanoTime();
          String outcome = send(http, requests[(int) (i % requests.length)]);
          long done = System.nanoTime();
          if (schedule.isMeasured(i)) {
            latency.add(done - due);
            service.add(done - sent);
            outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
            late.add(sent - due > 1_000_000 ? 1 : 0);
            windowEndMillis.accumulateAndGet(System.currentTimeMillis(), Math::max);
          }
        }
      }, "loadgen-" + t);
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    long windowNanos = (windowEndMillis.get() - windowStartMillis.get()) * 1_000_000L;
    Map<String, Long> counts = new TreeMap<>();
    outcomes.forEach((k, v) -> counts.put(k, v.sum()));
    LoadReport report = new LoadReport(windowStartMillis.get(), windowEndMillis.get(), latency.size(),
        counts.getOrDefault("200", 0L), late.sum(), latency.size() / (windowNanos / 1e9), latency.quantiles().summary(),
        service.quantiles().summary(), counts);
    System.out.println(report.describe());
    System.out.println(report.line());
    return 0;
  }

  /** The response's status code as text, or the exception's simple name when there was no response. */
  private static String send(HttpClient http, HttpRequest request) {
    try {
      return Integer.toString(http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode());
    } catch (IOException e) {
      return e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
