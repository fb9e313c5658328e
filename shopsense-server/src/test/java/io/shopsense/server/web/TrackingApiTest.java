package io.shopsense.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.id.MessageId;
import io.shopsense.server.ServerTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The tracking API over real HTTP: partial acceptance, duplicates, quarantine, and a clear 4xx for bad requests. */
@TestPropertySource(properties = {"shopsense.ingest.max-batch-size=64KB", "shopsense.ingest.max-event-size=32KB"})
class TrackingApiTest extends ServerTestBase {

  static String viewed(String messageId, String anonymousId) {
    return json("{'type':'track','event':'Product Viewed','messageId':'" + messageId + "','anonymousId':'"
        + anonymousId + "','properties':{'product_id':'p-1','price':9.5}}");
  }

  @Test
  void acceptsABatchPartiallyAndSaysForEachEventWhatBecameOfIt() {
    String bad = json("{'type':'track','messageId':'t1-bad','anonymousId':'a-1','properties':{}}");
    Answer a = post("/v1/batch", ingestKey, batch(viewed("t1-ok", "a-1"), viewed("t1-ok", "a-1"), bad));

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("accepted").asInt()).isEqualTo(1);
    assertThat(a.body().get("duplicates").asInt()).isEqualTo(1);
    assertThat(a.body().get("rejected").asInt()).isEqualTo(1);
    JsonNode results = a.body().get("results");
    assertThat(results.get(0).get("status").asText()).isEqualTo("accepted");
    assertThat(results.get(1).get("status").asText()).isEqualTo("duplicate");
    assertThat(results.get(1).get("seq").asLong()).isEqualTo(results.get(0).get("seq").asLong());
    JsonNode rejected = results.get(2);
    assertThat(rejected.get("status").asText()).isEqualTo("rejected");
    assertThat(rejected.get("reason").asText()).isEqualTo("missing_field");
    assertThat(rejected.get("violations").get(0).get("path").asText()).isEqualTo("event");

    // the rejected event is kept whole, with its reason
    Answer kept = get("/v1/quarantine/" + rejected.get("quarantineId").asLong(), readKey);
    assertThat(kept.status()).isEqualTo(200);
    assertThat(kept.body().get("reason").asText()).isEqualTo("missing_field");
    assertThat(kept.body().get("raw").asText()).contains("t1-bad");
    assertThat(kept.body().get("source").asText()).isEqualTo("web");
    assertThat(platform.stores().eventLog().find(MessageId.of("t1-ok"))).isPresent();
  }

  @Test
  void storesARetriedBatchOnce() {
    String body = batch(viewed("t2-a", "a-2"), viewed("t2-b", "a-2"));
    long before = platform.stores().eventLog().count();

    Answer first = post("/v1/batch", ingestKey, body);
    Answer retry = post("/v1/batch", ingestKey, body);

    assertThat(first.body().get("accepted").asInt()).isEqualTo(2);
    assertThat(retry.body().get("accepted").asInt()).isZero();
    assertThat(retry.body().get("duplicates").asInt()).isEqualTo(2);
    assertThat(platform.stores().eventLog().count()).isEqualTo(before + 2);
  }

  @Test
  void answersMalformedJsonWith400AndKeepsTheBodyInTheQuarantine() {
    Answer a = post("/v1/batch", ingestKey, "{\"batch\": [ {\"type\": \"track\",");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.header("Content-Type")).startsWith("application/problem+json");
    assertThat(a.body().get("code").asText()).isEqualTo("malformed_json");
    long id = a.body().get("quarantineId").asLong();
    Answer kept = get("/v1/quarantine/" + id, readKey);
    assertThat(kept.body().get("raw").asText()).isEqualTo("{\"batch\": [ {\"type\": \"track\",");
    assertThat(kept.body().get("reason").asText()).isEqualTo("malformed_json");
  }

  @Test
  void refusesAnOversizeBodyWith413() {
    String big = "x".repeat(70 * 1024);
    Answer a = post("/v1/batch", ingestKey, batch(json("{'type':'track','event':'E','anonymousId':'a','properties':"
        + "{'pad':'" + big + "'}}")));

    assertThat(a.status()).isEqualTo(413);
    assertThat(a.body().get("code").asText()).isEqualTo("payload_too_large");
  }

  @Test
  void refusesAGzipBombPastTheLimitWith413() throws IOException {
    byte[] zeros = new byte[1024 * 1024];
    Answer a = post("/v1/batch", ingestKey, "application/json", gzip(zeros));
    // the gzip header is declared below; without it the bytes are not JSON
    assertThat(a.status()).isEqualTo(400);

    HttpRequest.Builder b = HttpRequest.newBuilder(uri("/v1/batch"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(zeros))).header("Content-Type", "application/json")
        .header("Content-Encoding", "gzip");
    Answer bomb = send(auth(b, ingestKey));
    assertThat(bomb.status()).isEqualTo(413);
  }

  @Test
  void acceptsAGzippedBatch() throws IOException {
    byte[] body = gzip(batch(viewed("t-gz", "a-gz")).getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder b = HttpRequest.newBuilder(uri("/v1/batch")).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/json").header("Content-Encoding", "gzip");

    Answer a = send(auth(b, ingestKey));

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("accepted").asInt()).isEqualTo(1);
  }

  @Test
  void refusesAWrongContentTypeWith415() {
    Answer a = post("/v1/batch", ingestKey, "application/xml", "<batch/>".getBytes(StandardCharsets.UTF_8));

    assertThat(a.status()).isEqualTo(415);
    assertThat(a.body().get("code").asText()).isEqualTo("unsupported_media_type");
  }

  @Test
  void refusesUnknownAndMissingKeysWith401() {
    Answer unknown = post("/v1/batch", "ss_not-a-real-key", batch(viewed("t-k", "a")));
    Answer missing = post("/v1/batch", null, batch(viewed("t-k", "a")));

    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.body().get("code").asText()).isEqualTo("unknown_api_key");
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.body().get("code").asText()).isEqualTo("missing_api_key");
    assertThat(platform.stores().eventLog().find(MessageId.of("t-k"))).isEmpty();
  }

  @Test
  void takesTheKeyTheWaysStorefrontLibrariesSendIt() {
    String basic = java.util.Base64.getEncoder().encodeToString((ingestKey + ":").getBytes(StandardCharsets.UTF_8));
    Answer viaBasic = send(HttpRequest.newBuilder(uri("/v1/batch")).header("Content-Type", "application/json")
        .header("Authorization", "Basic " + basic)
        .POST(HttpRequest.BodyPublishers.ofString(batch(viewed("t-basic", "a-basic")))));
    Answer viaHeader = send(HttpRequest.newBuilder(uri("/v1/batch")).header("Content-Type", "application/json")
        .header("X-API-Key", ingestKey).POST(HttpRequest.BodyPublishers.ofString(batch(viewed("t-hdr", "a-hdr")))));
    Answer beacon = post("/v1/batch", ingestKey, "text/plain;charset=UTF-8",
        batch(viewed("t-beacon", "a-b")).getBytes(StandardCharsets.UTF_8));

    assertThat(viaBasic.status()).isEqualTo(200);
    assertThat(viaHeader.status()).isEqualTo(200);
    assertThat(beacon.status()).as("navigator.sendBeacon sends text/plain").isEqualTo(200);
    assertThat(platform.stores().eventLog().find(MessageId.of("t-basic"))).isPresent();
  }

  @Test
  void aWriteOnlyIngestKeyCannotRead() {
    Answer a = get("/v1/events", ingestKey);

    assertThat(a.status()).isEqualTo(403);
    assertThat(a.body().get("code").asText()).isEqualTo("insufficient_scope");
  }

  @Test
  void aHistoricalBackfillNeedsAnAdminKey() {
    String old = json("{'type':'track','event':'Product Viewed','messageId':'t-old','anonymousId':'a',"
        + "'timestamp':'2011-01-01T10:00:00Z','properties':{'product_id':'p'}}");

    Answer live = post("/v1/batch", ingestKey, batch(old));
    Answer refused = post("/v1/batch?mode=historical", ingestKey, batch(old));
    Answer backfill = post("/v1/batch?mode=historical", adminKey, batch(old));

    assertThat(live.body().get("results").get(0).get("reason").asText()).isEqualTo("timestamp_too_old");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(backfill.body().get("accepted").asInt()).isEqualTo(1);
  }

  @Test
  void rejectsABodyThatIsNoBatchWithAClearCode() {
    Answer a = post("/v1/batch", ingestKey, "[1,2,3]");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().get("code").asText()).isEqualTo("invalid_batch");
  }

  @Test
  void takesSingleCallsAndAnswers422ForARejectedOne() {
    Answer ok = post("/v1/track", ingestKey, json("{'event':'Product Viewed','messageId':'t-single',"
        + "'userId':'u-single','properties':{'product_id':'p-2'}}"));
    Answer bad = post("/v1/identify", ingestKey, json("{'messageId':'t-single-bad','userId':'u-1',"
        + "'traits':{'email':'not an email'}}"));

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body().get("status").asText()).isEqualTo("accepted");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body().get("code").asText()).isEqualTo("invalid_value");
    assertThat(bad.body().get("quarantineId").asLong()).isPositive();
  }

  @Test
  void reportsAcceptedDuplicatesAndRejectionsByReasonInTheQualityReport() {
    post("/v1/batch", ingestKey, batch(viewed("t-q1", "a-q"), viewed("t-q1", "a-q"),
        json("{'type':'nope','anonymousId':'a-q'}")));

    JsonNode report = get("/v1/quality", readKey).body();

    JsonNode web = report.get("bySource").get("web");
    assertThat(web.get("accepted").asLong()).isPositive();
    assertThat(web.get("duplicates").asLong()).isPositive();
    assertThat(web.get("rejectedByReason").get("unknown_type").asLong()).isPositive();
  }

  @Test
  void fixesAndReplaysAQuarantinedEventIntoTheLog() {
    Answer a = post("/v1/batch", ingestKey, batch(json("{'type':'track','event':'Product Viewed',"
        + "'messageId':'t-fix','anonymousId':'a-fix','properties':{'price':3}}")));
    long id = a.body().get("results").get(0).get("quarantineId").asLong();

    Answer fixed = put("/v1/quarantine/" + id, adminKey, json("{'type':'track','event':'Product Viewed',"
        + "'messageId':'t-fix','anonymousId':'a-fix','properties':{'product_id':'p-3','price':3}}"));
    Answer replayed = post("/v1/quarantine/" + id + "/replay", adminKey, "{}");
    Answer again = post("/v1/quarantine/" + id + "/replay", adminKey, "{}");

    assertThat(fixed.status()).isEqualTo(200);
    assertThat(replayed.status()).isEqualTo(200);
    assertThat(replayed.body().get("status").asText()).isEqualTo("REPLAYED");
    assertThat(again.status()).isEqualTo(409);
    assertThat(platform.stores().eventLog().find(MessageId.of("t-fix"))).isPresent();
    assertThat(get("/v1/quarantine/" + id, readKey).body().get("status").asText()).isEqualTo("REPLAYED");
  }

  @Test
  void neverAnswers500ToHostileInput() {
    String[] bodies = {"", "null", "{}", "{\"batch\":null}", "{\"batch\":[null, 1, \"x\", [], {}]}",
        "{\"batch\":[{\"type\":\"track\",\"event\":{\"a\":1},\"anonymousId\":[1]}]}",
        "{\"batch\":[{\"type\":\"identify\",\"userId\":\"u\",\"traits\":\"oops\",\"timestamp\":123}]}",
        "{\"batch\":[{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"u\","
            + "\"properties\":{\"order_id\":{},\"products\":\"x\",\"revenue\":\"NaN\"}}]}",
        "[".repeat(10_000), "{\"batch\":[" + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "]}",
        "\u0000\u0001\u0002", "{\"batch\":[{\"type\":\"alias\",\"userId\":\"u\"}]}"};
    for (String body : bodies) {
      for (String path : new String[] {"/v1/batch", "/v1/track", "/v1/identify", "/v1/alias", "/v1/page"}) {
        Answer a = post(path, ingestKey, body);
        assertThat(a.status()).as(path + " " + body.substring(0, Math.min(body.length(), 60)))
            .isBetween(200, 499);
        if (a.status() >= 400) {
          assertThat(a.body().has("code")).as("a machine-readable code for " + path).isTrue();
        }
      }
    }
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
