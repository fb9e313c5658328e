package io.shopsense.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.json.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.List;

/**
 * The packaged server ({@code target/shopsense.jar}) in a process of its own, as an operator runs it: for tests that
 * kill it, and for checks of the command line. Its output goes to a log file in the data directory.
 */
public final class ServerProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int port;
  private final Path dataDir;

  private ServerProcess(Process process, int port, Path dataDir) {
    this.process = process;
    this.port = port;
    this.dataDir = dataDir;
  }

  /** The packaged jar; failsafe passes its path, which exists after {@code package}. */
  public static Path jar() {
    String jar = System.getProperty("shopsense.jar");
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException("the packaged jar is missing (" + jar + "): run through ./mvnw verify");
    }
    return Path.of(jar);
  }

  /** Starts {@code java -jar shopsense.jar <args>} with the data directory and a free port, and waits until healthy. */
  public static ServerProcess start(Path dataDir, String... extraArgs) throws IOException, InterruptedException {
    int port = freePort();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseParallelGC", "-jar", jar().toString(), "serve", "--port", Integer.toString(port),
        "--data-dir", dataDir.toString()));
    cmd.addAll(List.of(extraArgs));
    Files.createDirectories(dataDir);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile())).start();
    ServerProcess server = new ServerProcess(p, port, dataDir);
    server.awaitHealthy(Duration.ofSeconds(90));
    return server;
  }

  public int port() {
    return port;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** The admin key the server wrote on its first start. */
  public String adminKey() throws IOException {
    return Files.readString(dataDir.resolve("admin-key"), StandardCharsets.UTF_8).strip();
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public JsonNode get(String path, String key) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key)
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    return JsonCodec.parse(r.body());
  }

  public HttpResponse<byte[]> post(String path, String key, byte[] json) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<byte[]> put(String path, String key, byte[] json) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited with " + process.exitValue() + "; its log:\n" + log());
      }
      try {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && Files.exists(dataDir.resolve("admin-key"))) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    kill();
    throw new IllegalStateException("the server did not become healthy in " + timeout + "; its log:\n" + log());
  }

  public String log() throws IOException {
    Path log = dataDir.resolve("server.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
