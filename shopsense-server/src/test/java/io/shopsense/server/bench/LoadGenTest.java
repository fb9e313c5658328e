package io.shopsense.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The load generator's raw-socket transport against a real HTTP server in this process. */
class LoadGenTest {

  @Test
  void everyRequestIsAnsweredOverKeptAliveConnectionsAndTheReportLineParses(@TempDir Path dir) throws Exception {
    AtomicInteger served = new AtomicInteger();
    Map<String, Integer> paths = new ConcurrentHashMap<>();
    Set<String> authorizations = ConcurrentHashMap.newKeySet();
    Set<String> hosts = ConcurrentHashMap.newKeySet();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    server.setExecutor(pool);
    server.createContext("/", exchange -> {
      int n = served.incrementAndGet();
      paths.merge(exchange.getRequestURI().toString(), 1, Integer::sum);
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      hosts.add(String.valueOf(exchange.getRequestHeaders().getFirst("Host")));
      byte[] body = ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8);
      if (n % 7 == 0) {
        exchange.getResponseHeaders().set("Connection", "close");
      }
      // a fixed length every other request, chunked (length 0) otherwise
      exchange.sendResponseHeaders(200, n % 2 == 0 ? body.length : 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    Path file = dir.resolve("paths.txt");
    Files.writeString(file, "/v1/recommendations?user=u1&n=10\n\n/v1/recommendations?user=u2&n=10\n");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    LoadGen loadGen = new LoadGen();
    loadGen.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    int exit;
    try {
      exit = new CommandLine(loadGen).execute("--url", url, "--key", "secret", "--paths", file.toString(),
          "--rate", "100", "--warmup", "1", "--duration", "2", "--connections", "4");
    } finally {
      server.stop(0);
      pool.shutdownNow();
    }

    String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(exit).isZero();
    assertThat(lines).anyMatch(l -> l.startsWith(LoadReport.WINDOW_START + " "));
    String result = lines[lines.length - 1];
    assertThat(LoadReport.isResult(result)).as(result).isTrue();
    LoadReport report = LoadReport.parse(result);
    assertThat(report.answered()).isEqualTo(200);
    assertThat(report.ok()).isEqualTo(200);
    assertThat(report.outcomes()).isEqualTo(Map.of("200", 200L));
    assertThat(report.windowEndMillis()).isGreaterThan(report.windowStartMillis());
    assertThat(served.get()).isEqualTo(300);
    assertThat(paths).isEqualTo(Map.of("/v1/recommendations?user=u1&n=10", 150,
        "/v1/recommendations?user=u2&n=10", 150));
    assertThat(authorizations).containsExactly("Bearer secret");
    assertThat(hosts).containsExactly("127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void aRefusedConnectionCountsAsItsExceptionsName(@TempDir Path dir) throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Path file = dir.resolve("paths.txt");
    Files.writeString(file, "/\n");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    LoadGen loadGen = new LoadGen();
    loadGen.out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    int exit = new CommandLine(loadGen).execute("--url", "http://127.0.0.1:" + closedPort, "--paths",
        file.toString(), "--rate", "20", "--warmup", "0", "--duration", "1", "--connections", "2");

    String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(exit).isZero();
    LoadReport report = LoadReport.parse(lines[lines.length - 1]);
    assertThat(report.ok()).isZero();
    assertThat(report.outcomes()).isEqualTo(Map.of("ConnectException", 20L));
  }

  @Test
  void requestsAreEncodedOnceAsAsciiWithHostAndKey() {
    byte[] withKey = LoadGen.request(URI.create("http://localhost:8080/v1/items?q=caf%C3%A9&n=5"), "k1");
    byte[] bare = LoadGen.request(URI.create("http://example.test"), null);
    byte[] unicode = LoadGen.request(URI.create("http://localhost:8080/v1/items?q=café"), null);

    assertThat(new String(withKey, StandardCharsets.US_ASCII)).isEqualTo(
        "GET /v1/items?q=caf%C3%A9&n=5 HTTP/1.1\r\nHost: localhost:8080\r\nAuthorization: Bearer k1\r\n\r\n");
    assertThat(new String(bare, StandardCharsets.US_ASCII)).isEqualTo("GET / HTTP/1.1\r\nHost: example.test\r\n\r\n");
    assertThat(new String(unicode, StandardCharsets.US_ASCII)).startsWith("GET /v1/items?q=caf%C3%A9 HTTP/1.1\r\n");
  }
}
