package io.shopsense.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.server.ServerTestBase;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/** Health, metrics, the pipeline's state, API keys and the OpenAPI description. */
@AutoConfigureObservability // Spring Boot's tests switch the Prometheus registry off unless asked
class OperationsApiTest extends ServerTestBase {

  @Test
  void healthIsPublicAndUp() {
    Answer a = get("/actuator/health", null);

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("status").asText()).isEqualTo("UP");
  }

  @Test
  void exposesIngestMetricsForPrometheusToAReader() {
    post("/v1/batch", ingestKey, batch(json("{'type':'track','event':'E','messageId':'o-1','anonymousId':'a'}"),
        json("{'type':'bogus','anonymousId':'a'}")));

    Answer refused = get("/actuator/prometheus", null);
    Answer metrics = get("/actuator/prometheus", readKey);

    assertThat(refused.status()).as(refused.body().toString()).isEqualTo(401);
    assertThat(metrics.status()).isEqualTo(200);
    String text = new String(metrics.raw().body(), StandardCharsets.UTF_8);
    assertThat(text).contains("shopsense_ingest_events_total{", "outcome=\"accepted\"", "reason=\"unknown_type\"");
    assertThat(text).contains("shopsense_ingest_batch_seconds");
    assertThat(text).contains("shopsense_pipeline_lag_events{");
  }

  @Test
  void reportsThePipelineAndItsConsumers() {
    Answer a = get("/v1/pipeline", readKey);

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("store").asText()).isEqualTo("embedded");
    assertThat(a.body().get("consumers").findValuesAsText("name")).contains("identity", "lake");
  }

  @Test
  void issuesListsAndRevokesKeysAndARevokedKeyStopsWorking() {
    Answer issued = post("/v1/keys", adminKey, json("{'source':'shop-app','scopes':['ingest']}"));
    String secret = issued.body().get("secret").asText();
    String id = issued.body().get("id").asText();

    Answer ok = post("/v1/track", secret, json("{'event':'E','anonymousId':'a','messageId':'o-key'}"));
    Answer listed = get("/v1/keys", adminKey);
    post("/v1/keys/" + id + "/revoke", adminKey, "{}");
    Answer after = post("/v1/track", secret, json("{'event':'E','anonymousId':'a','messageId':'o-key-2'}"));

    assertThat(issued.status()).isEqualTo(201);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(listed.body().findValuesAsText("id")).contains(id);
    assertThat(listed.toString()).doesNotContain(secret);
    assertThat(after.status()).isEqualTo(401);
    assertThat(post("/v1/keys", readKey, json("{'source':'x','scopes':['admin']}")).status()).isEqualTo(403);
    assertThat(post("/v1/keys", adminKey, json("{'source':'x','scopes':['root']}")).status()).isEqualTo(400);
  }

  @Test
  void describesTheApiAsOpenApi() {
    Answer a = get("/v3/api-docs", null);

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("paths").has("/v1/batch")).isTrue();
  }

  @Test
  void answersAnUnknownEndpointWith404ProblemDetails() {
    Answer a = get("/v1/no-such-thing", readKey);

    assertThat(a.status()).isEqualTo(404);
    assertThat(a.body().get("code").asText()).isEqualTo("not_found");
  }
}
