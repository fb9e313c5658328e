package io.shopsense.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.access.ApiScope;
import io.shopsense.api.id.SourceId;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real server on a random port over the embedded store in a fresh temporary data directory, and a plain HTTP
 * client, so that tests see exactly what a storefront or the CLI sees. One server per test class.
 */
@SpringBootTest(classes = ShopSenseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(ServerTestBase.PERSONALISATION_NECESSARY)
public abstract class ServerTestBase {
  /** The profile that declares personalisation strictly necessary (test resource application-&lt;profile&gt;.yml). */
  public static final String PERSONALISATION_NECESSARY = "personalisation-necessary";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort
  protected int port;

  @Autowired
  protected Platform platform;

  protected String adminKey;
  protected String ingestKey;
  protected String readKey;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    Path dir = newDataDir();
    registry.add("shopsense.store.data-dir", dir::toString);
    // small flushes so that lake tests see files quickly
    registry.add("shopsense.lake.flush-interval", () -> "200ms");
    // these tests send events without consent (they test collection, profiles, segments, not consent): analytics is
    // declared strictly necessary here, and so is personalisation by the profile personalisation-necessary (which a
    // test of the personalisation consent drops); ConsentApiTest checks the purposes left to consent
    registry.add("shopsense.consent.strictly-necessary.analytics", () -> "legitimate_interests");
  }

  static Path newDataDir() {
    try {
      Path dir = Files.createTempDirectory("shopsense-server-test-");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeEach
  void keys() {
    if (adminKey == null) {
      adminKey = platform.apiKeys().issue(SourceId.of("test-admin"), Set.of(ApiScope.ADMIN)).secret();
      ingestKey = platform.apiKeys().issue(SourceId.of("web"), Set.of(ApiScope.INGEST)).secret();
      readKey = platform.apiKeys().issue(SourceId.of("reader"), Set.of(ApiScope.READ)).secret();
    }
  }

  protected URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** A response: its status, headers and body as JSON (an empty object for an empty body). */
  public record Answer(int status, JsonNode body, HttpResponse<byte[]> raw) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  protected Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> r = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      JsonNode body;
      try {
        body = r.body().length == 0 ? JsonCodec.mapper().createObjectNode() : JsonCodec.parse(r.body());
      } catch (UncheckedIOException notJson) {
        body = JsonCodec.mapper().getNodeFactory().textNode(new String(r.body(), StandardCharsets.UTF_8));
      }
      return new Answer(r.statusCode(), body, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected Answer post(String path, String key, String json) {
    return post(path, key, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  protected Answer post(String path, String key, String contentType, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", contentType);
    return send(auth(b, key));
  }

  protected Answer put(String path, String key, String json) {
    return send(auth(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json"), key));
  }

  protected Answer get(String path, String key) {
    return send(auth(HttpRequest.newBuilder(uri(path)).GET(), key));
  }

  protected static HttpRequest.Builder auth(HttpRequest.Builder b, String key) {
    return key == null ? b : b.header("Authorization", "Bearer " + key);
  }

  /** JSON with single quotes for readability in tests. */
  protected static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  protected static String batch(String... events) {
    return json("{'batch':[" + String.join(",", events) + "]}");
  }

  protected void awaitPipeline() {
    try {
      if (!platform.pipeline().awaitCaughtUp(Duration.ofSeconds(30))) {
        throw new AssertionError("the pipeline did not catch up: " + platform.pipeline().status());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected static Map<String, String> bearer(String key) {
    return Map.of("Authorization", "Bearer " + key);
  }
}
