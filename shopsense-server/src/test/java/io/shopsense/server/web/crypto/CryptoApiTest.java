package io.shopsense.server.web.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.crypto.SealedFields;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.server.ServerTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;

/**
 * Personal data at rest through the real server: traits sealed as they arrive, the key ring's status and rotation
 * (with re-encryption and master-key rotation) over the API, and pseudonyms for analysts in the lake and in segment
 * member exports.
 */
@org.springframework.test.context.TestPropertySource(properties = "test.server-context=crypto")
class CryptoApiTest extends ServerTestBase {

  private String identify(String messageId, String user, String email) {
    return json("{'type':'identify','messageId':'" + messageId + "','userId':'" + user + "','traits':{'email':'"
        + email + "','first_name':'Ana','plan':'gold'}}");
  }

  private SealedFields.Census census() {
    return platform.keyRotation().status().stores().get("traits");
  }

  @Test
  void traitsAreSealedOnArrivalAndRotationReEncryptsThem() throws Exception {
    Answer sent = post("/v1/batch", ingestKey, batch(identify("cr-1", "cr-u1", "ana@example.com"),
        identify("cr-2", "cr-u2", "bo@example.com")));
    assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
    awaitPipeline();
    SealedFields.Census before = census();
    assertThat(before.plain()).isZero();
    assertThat(before.current()).isGreaterThanOrEqualTo(4);

    Answer status = get("/v1/crypto/keys", adminKey);
    assertThat(status.status()).isEqualTo(200);
    int primary = status.body().at("/keys/primary").asInt();
    Path keyDir = Path.of(status.body().at("/keys/keyDir").asText());
    String master = Files.readString(keyDir.resolve("master.key")).strip();
    assertThat(status.body().toString()).doesNotContain(master);
    assertThat(get("/v1/crypto/keys", readKey).status()).isEqualTo(403);
    assertThat(post("/v1/crypto/keys/rotate", readKey, "{}").status()).isEqualTo(403);

    Answer rotated = post("/v1/crypto/keys/rotate", adminKey, "{}");
    assertThat(rotated.status()).as(rotated.body().toString()).isEqualTo(200);
    assertThat(rotated.body().get("primary").asInt()).isEqualTo(primary + 1);
    assertThat(rotated.body().at("/resealed/traits").asLong()).isEqualTo(before.current() + before.older());
    assertThat(census()).isEqualTo(new SealedFields.Census(0, before.current() + before.older(), 0));

    Answer person = get("/v1/persons?userId=cr-u1", readKey);
    assertThat(person.body().at("/traits/email").asText()).isEqualTo("ana@example.com");

    Answer masterRotated = post("/v1/crypto/keys/rotate", adminKey, "{\"master\":true,\"reseal\":false}");
    assertThat(masterRotated.status()).isEqualTo(200);
    assertThat(masterRotated.body().get("masterKeyId").asText())
        .isNotEqualTo(status.body().at("/keys/masterKeyId").asText());
    assertThat(Files.readString(keyDir.resolve("master.key")).strip()).isNotEqualTo(master);
    assertThat(get("/v1/persons?userId=cr-u2", readKey).body().at("/traits/email").asText())
        .isEqualTo("bo@example.com");
  }

  @Test
  void badRotationRequestsAreClearProblems() {
    Answer a = post("/v1/crypto/keys/rotate", adminKey, "{\"newMasterKey\":\"abc\"}");
    assertThat(a.status()).isEqualTo(400);
    Answer b = post("/v1/crypto/keys/rotate", adminKey, "{\"master\":true,\"newMasterKey\":\"c2hvcnQ=\"}");
    assertThat(b.status()).isEqualTo(400);
    assertThat(b.body().toString()).contains("32 bytes");
    Answer c = post("/v1/crypto/keys/rotate", adminKey, "{\"reseal\":\"maybe\"}");
    assertThat(c.status()).isEqualTo(400);
  }

  @Test
  void theLakeAndSegmentMembersGivePseudonymsWhenAsked() throws Exception {
    post("/v1/batch", ingestKey, batch(identify("cr-3", "cr-secret-u3", "cy@example.com"),
        json("{'type':'track','event':'Order Completed','messageId':'cr-4','userId':'cr-secret-u3',"
            + "'properties':{'order_id':'cr-o1','revenue':10,'currency':'EUR'}}"),
        json("{'type':'track','event':'Order Completed','messageId':'cr-5','userId':'cr-secret-u5',"
            + "'properties':{'order_id':'cr-o2','revenue':12,'currency':'EUR'}}")));
    awaitPipeline();
    String pseudonym = platform.pseudonymizer().pseudonym("cr-secret-u3");
    JsonNode rows = null;
    for (int i = 0; i < 100; i++) { // the lake flushes every 200 ms in tests
      Answer q = post("/v1/sql", adminKey, "{\"sql\":\"select user_id from events where event = 'Order Completed' "
          + "and user_id is not null\",\"pseudonymous\":true}");
      assertThat(q.status()).as(q.body().toString()).isEqualTo(200);
      if (q.body().toString().contains(pseudonym)) {
        rows = q.body().get("rows");
        break;
      }
      Thread.sleep(100);
    }
    assertThat(rows).as("the pseudonym in the lake").isNotNull();
    assertThat(rows.toString()).doesNotContain("cr-secret-u3");
    Answer traits = post("/v1/sql", adminKey, "{\"sql\":\"select traits from events\",\"pseudonymous\":true}");
    assertThat(traits.status()).isEqualTo(400);
    Answer sneaky = post("/v1/sql", adminKey, "{\"sql\":\"select * from read_parquet('x')\",\"pseudonymous\":true}");
    assertThat(sneaky.status()).isEqualTo(400);

    Answer seg = put("/v1/segments/cr-buyers", adminKey, json("{'name':'Buyers','rule':'behaviour.orders >= 1'}"));
    assertThat(seg.status()).as(seg.body().toString()).isBetween(200, 201);
    post("/v1/profiles/refresh", adminKey, "");
    String person = get("/v1/persons?userId=cr-secret-u3", readKey).body().get("id").asText();
    JsonNode members = get("/v1/segments/cr-buyers/members?pseudonymous=true&limit=1", readKey).body();
    String members2 = get("/v1/segments/cr-buyers/members?pseudonymous=true", readKey).body().toString();
    assertThat(members2).contains(platform.pseudonymizer().pseudonym(person)).doesNotContain(person);
    assertThat(members.get("items")).hasSize(1);
    assertThat(members.get("next").asText()).doesNotContain(person).startsWith("ss1.");
    Answer page2 = get("/v1/segments/cr-buyers/members?pseudonymous=true&limit=1&after="
        + members.get("next").asText(), readKey);
    assertThat(page2.status()).isEqualTo(200);
    assertThat(page2.body().get("items")).hasSize(1);
    assertThat(page2.body().get("items").get(0)).isNotEqualTo(members.get("items").get(0));
    assertThat(get("/v1/segments/cr-buyers/members?pseudonymous=true&after=" + person, readKey).status())
        .isEqualTo(400);
    String csv = new String(get("/v1/segments/cr-buyers/members?format=csv&pseudonymous=true", readKey).raw()
        .body(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv).contains(platform.pseudonymizer().pseudonym(person)).doesNotContain(person);
  }

  @Test
  void analystsAlwaysGetPseudonymsWhateverTheyAsk() {
    AnalystView view = new AnalystView(platform);
    var analyst = new TestingAuthenticationToken("a", null, AnalystView.ANALYST);
    var admin = new TestingAuthenticationToken("b", null, "SCOPE_admin");
    assertThat(view.pseudonymous(analyst, false)).isTrue();
    assertThat(view.pseudonymous(analyst, null)).isTrue();
    assertThat(view.pseudonymous(admin, null)).isFalse();
    assertThat(view.pseudonymous(admin, true)).isTrue();
    assertThat(JsonCodec.text(view.pseudonymizer().pseudonym("u"))).startsWith("\"ps_");
  }
}
