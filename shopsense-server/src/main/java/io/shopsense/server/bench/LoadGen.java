package io.shopsense.server.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *
 * <p>The transport is raw sockets rather than {@code java.net.http.HttpClient}, because the client shares the machine
 * with the server it measures and every CPU cycle it spends is taken from that server: HttpClient cost about 0.55 ms
 * of CPU a request, a quarter of a 2-core machine at 1,000 req/s. Here each thread owns one blocking HTTP/1.1
 * {@link Socket} (TCP_NODELAY, a 30 s read time-out), writes requests encoded once at the start (plain {@code http}
 * only) and reads each response with an {@link HttpResponseReader}, discarding the body. After
 * {@code Connection: close}, an end of stream or any {@link IOException}, the thread closes its connection and opens
 * a new one for its next request; a request that failed counts as an outcome named after the exception's simple
 * name (a read time-out as {@code SocketTimeoutException}), one that was answered as its status code.
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

  /** Where the progress and report lines go; a test may catch them. */
  PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    List<String> lines = Files.readAllLines(paths, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("no request paths in " + paths);
    }
    LoadSchedule schedule = LoadSchedule.of(rate, warmupSeconds, seconds);
    URI base = URI.create(url);
    if (!"http".equalsIgnoreCase(base.getScheme()) || base.getHost() == null) {
      throw new IllegalArgumentException("not a plain http URL (https is not supported): " + url);
    }
    InetSocketAddress server = new InetSocketAddress(base.getHost(), base.getPort() < 0 ? 80 : base.getPort());
    if (server.isUnresolved()) {
      throw new IllegalArgumentException("unknown host: " + base.getHost());
    }
    byte[][] requests = new byte[lines.size()][];
    for (int i = 0; i < requests.length; i++) {
      requests[i] = request(URI.create(url + lines.get(i)), key);
    }
    out.printf(Locale.ROOT, "loadgen: %,d req/s for %d s after %d s of warm-up, %d connections, %,d distinct"
        + " requests, to %s%n", rate, seconds, warmupSeconds, connections, requests.length, url);
    return run(schedule, server, requests);
  }

  /**
   * {@code GET} of the URI's path and query (non-ASCII characters percent-encoded), with its Host and the bearer key if
   * any, as ASCII bytes.
   */
  static byte[] request(URI target0, String key) {
    URI uri = URI.create(target0.toASCIIString());
    String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      target += "?" + uri.getRawQuery();
    }
    String head = "GET " + target + " HTTP/1.1\r\nHost: " + uri.getRawAuthority() + "\r\n"
        + (key == null ? "" : "Authorization: Bearer " + key + "\r\n") + "\r\n";
    if (!StandardCharsets.US_ASCII.newEncoder().canEncode(head)) {
      throw new IllegalArgumentException("the API key must be ASCII");
    }
    return head.getBytes(StandardCharsets.US_ASCII);
  }

  private int run(LoadSchedule schedule, InetSocketAddress server, byte[][] requests) throws InterruptedException {
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
        try (Connection connection = new Connection(server)) {
          for (long i = next.getAndIncrement(); i < schedule.total(); i = next.getAndIncrement()) {
            long due = start + schedule.dueNanos(i);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
              LockSupport.parkNanos(wait);
            }
            if (i == schedule.warmup()) {
              windowStartMillis.set(System.currentTimeMillis());
              out.println(LoadReport.WINDOW_START + " " + windowStartMillis.get());
            }
            long sent = System.nanoTime();
            String outcome = connection.send(requests[(int) (i % requests.length)]);
            long done = System.nanoTime();
            if (schedule.isMeasured(i)) {
              latency.add(done - due);
              service.add(done - sent);
              outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
              late.add(sent - due > 1_000_000 ? 1 : 0);
              windowEndMillis.accumulateAndGet(System.currentTimeMillis(), Math::max);
            }
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
    out.println(report.describe());
    out.println(report.line());
    return 0;
  }

  /** One thread's kept-alive connection, opened on first use and again after it was closed. */
  private static final class Connection implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    private static final String[] STATUS = new String[1000];

    static {
      for (int s = 0; s < STATUS.length; s++) {
        STATUS[s] = Integer.toString(s);
      }
    }

    private final InetSocketAddress server;
    private Socket socket;
    private OutputStream toServer;
    private HttpResponseReader fromServer;

    Connection(InetSocketAddress server) {
      this.server = server;
    }

    /** The response's status code as text, or the exception's simple name when there was no response. */
    String send(byte[] request) {
      try {
        if (socket == null) {
          open();
        }
        toServer.write(request);
        int status = fromServer.read();
        if (fromServer.mustClose()) {
          close();
        }
        return STATUS[status];
      } catch (IOException e) {
        close();
        return e.getClass().getSimpleName();
      }
    }

    private void open() throws IOException {
      Socket s = new Socket();
      try {
        s.setTcpNoDelay(true);
        s.setSoTimeout(READ_TIMEOUT_MILLIS);
        s.connect(server, CONNECT_TIMEOUT_MILLIS);
        toServer = s.getOutputStream();
        fromServer = new HttpResponseReader(s.getInputStream());
        socket = s;
      } catch (IOException e) {
        s.close();
        throw e;
      }
    }

    @Override
    public void close() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // nothing more to do with a connection that is being dropped
        }
        socket = null;
        toServer = null;
        fromServer = null;
      }
    }
  }
}
