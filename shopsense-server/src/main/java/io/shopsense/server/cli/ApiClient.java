package io.shopsense.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.json.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/** The CLI's client of a running server's REST API. Fails with a message a person can act on. */
public final class ApiClient {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String key;

  public ApiClient(String base, String key) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.key = key;
  }

  public String base() {
    return base;
  }

  /** The key from the option, else {@code SHOPSENSE_API_KEY}, else the admin key file in the data directory. */
  public static String resolveKey(String option, Path dataDir) {
    if (option != null && !option.isBlank()) {
      return option;
    }
    String env = System.getenv("SHOPSENSE_API_KEY");
    if (env != null && !env.isBlank()) {
      return env;
    }
    Path file = dataDir.resolve("admin-key");
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new CliException("no API key: pass --key, set SHOPSENSE_API_KEY, or run where " + file
          + " exists (the server writes it on its first start)");
    }
  }

  public JsonNode get(String path) {
    return send(request(path).GET().build());
  }

  public JsonNode post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build());
  }

  public JsonNode put(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public JsonNode delete(String path) {
    return send(request(path).DELETE().build());
  }

  /** Streams a text answer (a CSV export) to {@code out}. */
  public void download(String path, java.io.OutputStream out) {
    download(path, out, "text/csv");
  }

  /** Streams an answer of the media type {@code accept} (a CSV export, a zip archive) to {@code out}. */
  public void download(String path, java.io.OutputStream out, String accept) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30))
        .header("Authorization", "Bearer " + key).header("Accept", accept).GET().build();
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() >= 400) {
          byte[] raw = in.readAllBytes();
          JsonNode body;
          try {
            body = JsonCodec.parse(raw);
          } catch (RuntimeException notJson) {
            throw new CliException(response.statusCode() + ": " + new String(raw, StandardCharsets.UTF_8));
          }
          throw new CliException(response.statusCode() + " " + body.path("code").asText("error") + ": "
              + body.path("detail").asText(), body);
        }
        in.transferTo(out);
      }
    } catch (ConnectException e) {
      throw new CliException("no ShopSense server at " + base);
    } catch (IOException e) {
      throw new CliException("talking to " + base + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    }
  }

  /** Streams a body (a file) to the server. */
  public JsonNode upload(String path, String contentType, Supplier<InputStream> body, Duration timeout) {
    return send(request(path).timeout(timeout).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofInputStream(body)).build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
        .header("Authorization", "Bearer " + key).header("Accept", "application/json");
  }

  private static byte[] bytes(Object body) {
    try {
      return body instanceof byte[] b ? b : JsonCodec.mapper().writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      JsonNode body = response.body().length == 0 ? JsonCodec.mapper().createObjectNode()
          : JsonCodec.parse(response.body());
      if (response.statusCode() >= 400) {
        throw new CliException(response.statusCode() + " " + body.path("code").asText("error") + ": "
            + body.path("detail").asText(new String(response.body(), StandardCharsets.UTF_8)), body);
      }
      return body;
    } catch (ConnectException e) {
      throw new CliException("no ShopSense server at " + base + " (start one with ./shopsense serve, or pass "
          + "--server URL)");
    } catch (IOException e) {
      throw new CliException("talking to " + base + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    }
  }
}
