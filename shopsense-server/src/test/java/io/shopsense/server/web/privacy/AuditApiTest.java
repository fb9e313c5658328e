package io.shopsense.server.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.audit.AuditEntry;
import io.shopsense.api.audit.AuditQuery;
import io.shopsense.server.ServerTestBase;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests are audited generically: writes (but not ingest) and reads of personal data, with the path template and
 * never the raw path or query; the audit log is listed and verified over the API by admin keys only.
 */
class AuditApiTest extends ServerTestBase {

  /** Entries of this test only: the server (and its log) is shared with other test classes. */
  private long start;

  @org.junit.jupiter.api.BeforeEach
  void markTheStart() {
    start = platform.stores().auditLog().head().map(io.shopsense.api.audit.AuditHead::seq).orElse(0L);
  }

  private List<AuditEntry> entries(String action) {
    return platform.audit().find(new AuditQuery(null, null, null, action, start, 1000));
  }

  private String keyId(String secret) {
    return platform.apiKeys().authenticate(secret).orElseThrow().id();
  }

  @Test
  void recordsWritesAndPersonalReadsWithTheTemplateActorTargetAndStatusButNotIngestOrOtherReads() {
    post("/v1/batch", ingestKey, batch(json("{'type':'identify','messageId':'au-1','userId':'user-au',"
        + "'traits':{'email':'Audit.Person@Example.com'}}")));
    awaitPipeline();
    String person = get("/v1/persons?email=audit.person@example.com", readKey).body().get("id").asText();
    get("/v1/persons/" + person, readKey);
    get("/v1/quality", readKey);
    put("/v1/segments/au-seg", adminKey, json("{'name':'Audited','rule':'behaviour.orders >= 1'}"));
    send(auth(HttpRequest.newBuilder(uri("/v1/segments/au-seg")).DELETE(), adminKey));

    assertThat(entries("POST /v1/batch")).isEmpty();
    assertThat(entries("GET /v1/quality")).isEmpty();
    List<AuditEntry> lookups = entries("GET /v1/persons");
    assertThat(lookups).hasSize(1);
    assertThat(lookups.get(0).record().actor()).isEqualTo("key:" + keyId(readKey));
    assertThat(lookups.get(0).record().target()).isNull();
    List<AuditEntry> reads = entries("GET /v1/persons/{id}");
    assertThat(reads).extracting(e -> e.record().target()).containsExactly(person);
    assertThat(reads.get(0).record().outcome()).isEqualTo("200");
    assertThat(entries("PUT /v1/segments/{id}")).extracting(e -> e.record().target() + " " + e.record().outcome()
        + " " + e.record().actor()).containsExactly("au-seg 201 key:" + keyId(adminKey));
    assertThat(entries("DELETE /v1/segments/{id}")).hasSize(1);
    assertThat(platform.audit().find(AuditQuery.all(start, 1000))).noneMatch(e -> e.record().toString()
        .toLowerCase().contains("example.com") || e.record().toString().contains("user-au"));
  }

  @Test
  void recordsFailedWritesWithTheirStatus() {
    put("/v1/segments/au-bad", adminKey, json("{'name':'Broken','rule':'behaviour.orders >>= 1'}"));

    assertThat(entries("PUT /v1/segments/{id}")).filteredOn(e -> "au-bad".equals(e.record().target()))
        .extracting(e -> e.record().outcome()).containsExactly("400");
  }

  @Test
  void listsFiltersAndVerifiesTheLogForAdminKeysOnly() {
    put("/v1/segments/au-list", adminKey, json("{'name':'Listed','rule':'behaviour.orders >= 2'}"));

    JsonNode all = get("/v1/audit?limit=1000", adminKey).body();
    JsonNode byAction = get("/v1/audit?action=PUT%20/v1/segments/%7Bid%7D&actor=key:" + keyId(adminKey), adminKey)
        .body();
    JsonNode future = get("/v1/audit?from=2999-01-01T00:00:00Z", adminKey).body();
    JsonNode verify = get("/v1/audit/verify", adminKey).body();

    assertThat(all.get("items").size()).isPositive();
    assertThat(byAction.get("items")).isNotEmpty().allMatch(i -> i.get("action").asText()
        .equals("PUT /v1/segments/{id}"));
    assertThat(future.get("items")).isEmpty();
    assertThat(verify.get("intact").asBoolean()).isTrue();
    assertThat(verify.get("entries").asLong()).isPositive();
    assertThat(get("/v1/audit", readKey).status()).isEqualTo(403);
    assertThat(get("/v1/audit/verify", readKey).status()).isEqualTo(403);
    assertThat(get("/v1/audit", null).status()).isEqualTo(401);
  }

  @Test
  void refusesBadFiltersWithAProblem() {
    Answer badTime = get("/v1/audit?from=yesterday", adminKey);
    Answer badLimit = get("/v1/audit?limit=0", adminKey);

    assertThat(badTime.status()).isEqualTo(400);
    assertThat(badTime.body().get("code").asText()).isEqualTo("invalid_parameter");
    assertThat(badLimit.status()).isEqualTo(400);
  }
}
