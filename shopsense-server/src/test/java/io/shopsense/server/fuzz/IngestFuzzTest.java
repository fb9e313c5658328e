package io.shopsense.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.api.collect.QuarantineEntry;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.id.MessageId;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.server.ServerTestBase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the public ingest endpoints with seeded malformed and hostile input. Besides never a 500: the event log grows
 * by exactly the events answered as accepted, each of them is in the log under its message id and holds no control
 * character in its ids; every rejected event and every unparseable body has a reason and a quarantine entry that
 * keeps it; nothing else is stored.
 */
@org.springframework.test.context.TestPropertySource(properties = "test.server-context=hardening")
class IngestFuzzTest extends ServerTestBase {
  static final long SEED = 20261122L;
  static final int CASES_PER_ENDPOINT = 120;
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private static final List<String> EVENTS = List.of(
      "{'type':'track','event':'Product Viewed','anonymousId':'a-1','properties':{'product_id':'p1','price':9.5,"
          + "'currency':'EUR'},'context':{'page':{'url':'https://shop.example/p1'}}}",
      "{'type':'identify','userId':'u-1','traits':{'email':'fz@example.com','phone':'+86 138 0000 0000',"
          + "'first_name':'Fu','address':{'city':'Hangzhou'}}}",
      "{'type':'track','event':'Order Completed','userId':'u-2','properties':{'order_id':'o-1','revenue':30.5,"
          + "'currency':'CNY','products':[{'product_id':'p1','price':10.25,'quantity':2}]}}",
      "{'type':'page','name':'Home','anonymousId':'a-2','properties':{'path':'/'}}",
      "{'type':'alias','previousId':'a-2','userId':'u-3'}");

  private final class StoredOracle implements EndpointFuzzer.Oracle {
    private final boolean batch;

    StoredOracle(boolean batch) {
      this.batch = batch;
    }

    @Override
    public long before() {
      return platform.stores().eventLog().lastSeq();
    }

    @Override
    public void check(HostileJson.Case c, Answer a, long before) {
      String what = c.describe() + " -> " + a.status() + " " + a.body();
      long added = platform.stores().eventLog().lastSeq() - before;
      if (a.status() == 200 && batch) {
        long accepted = 0;
        for (JsonNode r : a.body().get("results")) {
          accepted += checkResult(r, r.path("status").asText(), before, what);
        }
        assertThat(added).as("the log grew by the accepted events: " + what).isEqualTo(accepted);
      } else if (a.status() == 200) {
        assertThat(added).as(what).isEqualTo(checkResult(a.body(), a.body().path("status").asText(), before, what));
      } else {
        assertThat(added).as("nothing stored for " + what).isZero();
        if (a.status() == 422 || "malformed_json".equals(a.body().path("code").asText())) {
          quarantined(a.body().path("quarantineId"), what);
        }
      }
    }

    /** Checks one event's result; 1 when it was appended now. */
    private long checkResult(JsonNode r, String status, long before, String what) {
      String messageId = r.path("messageId").asText(null);
      switch (status) {
        case "accepted", "duplicate" -> {
          Optional<StoredEvent> stored = platform.stores().eventLog().find(MessageId.of(messageId));
          assertThat(stored).as("in the log: " + what).isPresent();
          assertThat(stored.get().seq()).isEqualTo(r.path("seq").asLong());
          var e = stored.get().envelope();
          for (String id : new String[] {e.messageId().value(), e.anonymousId() == null ? "" : e.anonymousId().value(),
              e.userId() == null ? "" : e.userId().value(), e.previousId() == null ? "" : e.previousId(), e.name()}) {
            assertThat(CONTROL.matcher(id).find()).as("no control character stored in ids: " + what).isFalse();
          }
          assertThat(e.json().length).isLessThanOrEqualTo(platform.ingestor().settings().maxEventBytes());
          return "accepted".equals(status) ? 1 : 0;
        }
        case "rejected" -> {
          assertThat(r.path("reason").asText()).as("a reason: " + what).isNotEmpty();
          quarantined(r.path("quarantineId"), what);
          if (messageId != null) {
            platform.stores().eventLog().find(MessageId.of(messageId)).ifPresent(old ->
                assertThat(old.seq()).as("a rejected event is not stored: " + what).isLessThanOrEqualTo(before));
          }
          return 0;
        }
        default -> throw new AssertionError("unknown status " + status + ": " + what);
      }
    }

    private void quarantined(JsonNode id, String what) {
      assertThat(id.isNumber()).as("a quarantine id: " + what).isTrue();
      QuarantineEntry entry = platform.quarantine().find(id.asLong()).orElseThrow(() ->
          new AssertionError("quarantine entry " + id + " missing: " + what));
      assertThat(entry.reason()).isNotEmpty();
      assertThat(entry.raw()).isNotNull();
    }
  }

  private static List<ObjectNode> templates() {
    return EVENTS.stream().map(e -> (ObjectNode) JsonCodec.parse(json(e))).toList();
  }

  @Test
  void theBatchEndpointSurvivesHostileBatches() {
    List<ObjectNode> batches = templates().stream().map(e -> {
      ObjectNode b = JsonCodec.mapper().createObjectNode();
      b.putArray("batch").add(e.deepCopy()).add(templates().get(2).deepCopy());
      return b;
    }).toList();
    int ok = EndpointFuzzer.run(SEED, CASES_PER_ENDPOINT, batches, (i, b) -> {
      for (int j = 0; j < b.get("batch").size(); j++) {
        ((ObjectNode) b.get("batch").get(j)).put("messageId", "fz-b-" + i + "-" + j);
      }
      return b;
    }, body -> post("/v1/batch", ingestKey, "application/json", body), new StoredOracle(true));
    assertThat(ok).as("some cases were valid enough to be answered 200").isPositive();
  }

  @Test
  void theSingleCallsSurviveHostileEvents() {
    String[] calls = {"track", "identify", "track", "page", "alias"};
    for (int k = 0; k < calls.length; k++) {
      String call = calls[k];
      ObjectNode template = templates().get(k);
      template.remove("type");
      EndpointFuzzer.run(SEED + k, CASES_PER_ENDPOINT / 2, List.of(template),
          (i, e) -> e.put("messageId", "fz-" + call + "-" + i),
          body -> post("/v1/" + call, ingestKey, "application/json", body), new StoredOracle(false));
    }
  }

  @Test
  void anotherEndpointTakesAFewLines() {
    // the customer traits endpoint: the template is its body, the oracle the common one (no 5xx, problem codes)
    ObjectNode traits = (ObjectNode) JsonCodec.parse(json("{'email':'c@example.com','first_name':'C','plan':'gold',"
        + "'address':{'city':'Hangzhou'}}"));
    int ok = EndpointFuzzer.run(SEED, 60, List.of(traits), (i, t) -> t,
        body -> send(auth(java.net.http.HttpRequest.newBuilder(uri("/v1/customers/fz-c/traits"))
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/json"), adminKey)), EndpointFuzzer.Oracle.NONE);
    assertThat(ok).isPositive();
  }

  @Test
  void theSameSeedGivesTheSameCases() {
    ObjectNode t = templates().get(1);
    HostileJson a = new HostileJson(7);
    HostileJson b = new HostileJson(7);
    for (int i = 0; i < 50; i++) {
      assertThat(a.next(t).body()).isEqualTo(b.next(t).body());
    }
  }

  @Test
  void wrongContentTypesAndEncodingsAreRefusedCleanly() {
    byte[] event = json("{'batch':[{'type':'track','event':'X','anonymousId':'a'}]}").getBytes(StandardCharsets.UTF_8);
    for (String type : new String[] {"text/plain", "application/xml", "application/json; charset=ISO-8859-1",
        "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"}) {
      Answer a = post("/v1/batch", ingestKey, type, event);
      assertThat(a.status()).as(type).isBetween(200, 499);
    }
    Answer gz = send(auth(java.net.http.HttpRequest.newBuilder(uri("/v1/batch"))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(event)).header("Content-Type", "application/json")
        .header("Content-Encoding", "gzip"), ingestKey));
    assertThat(gz.status()).as("a body that is not gzip though it says so").isEqualTo(400);
  }

  @Test
  void invalidUtf8AndLoneSurrogatesNeverBecomeIds() {
    // C0 AF is an overlong '/': a lenient decoder turns "..\xC0\xAF.." into "../.."
    byte[] overlong = new java.io.ByteArrayOutputStream() {
      {
        writeBytes("{\"batch\":[{\"type\":\"track\",\"event\":\"X\",\"userId\":\"..".getBytes(StandardCharsets.UTF_8));
        writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF});
        writeBytes("etc\",\"messageId\":\"fz-overlong\"}]}".getBytes(StandardCharsets.UTF_8));
      }
    }.toByteArray();
    long before = platform.stores().eventLog().lastSeq();
    Answer a = post("/v1/batch", ingestKey, "application/json", overlong);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().get("code").asText()).isEqualTo("malformed_json");
    assertThat(platform.quarantine().find(a.body().get("quarantineId").asLong()).orElseThrow().raw())
        .startsWith("base64:");

    Answer lone = post("/v1/batch", ingestKey, "{\"batch\":[{\"type\":\"track\",\"event\":\"X\","
        + "\"userId\":\"u\\uD800\",\"messageId\":\"fz-lone\"}]}");
    assertThat(lone.status()).isEqualTo(200);
    assertThat(lone.body().at("/results/0/status").asText()).isEqualTo("rejected");
    assertThat(lone.body().at("/results/0/violations/0/message").asText()).contains("lone surrogate");
    assertThat(platform.stores().eventLog().lastSeq()).isEqualTo(before);
  }
}
