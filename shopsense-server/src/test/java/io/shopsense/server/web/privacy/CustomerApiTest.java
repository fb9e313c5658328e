package io.shopsense.server.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.audit.AuditQuery;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.api.privacy.UsageKind;
import io.shopsense.server.ServerTestBase;
import io.shopsense.server.config.PrivacyConfiguration;
import io.shopsense.server.security.CustomerTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customer-facing API: a customer token from the shop's server lets one person read what their data was used for,
 * and nothing of anyone else's; forged, malformed and expired tokens get 401.
 */
class CustomerApiTest extends ServerTestBase {
  private static final Instant DAY = Instant.parse("2026-03-01T12:00:00Z");
  // the server lives as long as the class (Spring's context cache), so the customers are made once
  private static PersonId ann;
  private static PersonId bob;

  @BeforeEach
  void twoCustomersWithUsage() {
    if (ann != null) {
      return;
    }
    post("/v1/batch", ingestKey, batch(
        json("{'type':'identify','messageId':'me-1','userId':'user-ann','traits':{'email':'ann@example.com'}}"),
        json("{'type':'identify','messageId':'me-2','userId':'user-bob','traits':{'email':'bob@example.com'}}")));
    awaitPipeline();
    ann = PersonId.of(get("/v1/persons?userId=user-ann", readKey).body().get("id").asText());
    bob = PersonId.of(get("/v1/persons?userId=user-bob", readKey).body().get("id").asText());
    platform.stores().usageLog().record(ann, DAY, Purpose.PERSONALISATION, UsageKind.RECOMMENDATIONS_SERVED, 3);
    platform.stores().usageLog().record(bob, DAY, Purpose.MARKETING_EMAIL, UsageKind.MESSAGE_SENT, 1);
  }

  private String token(String field, String value, String key) {
    Answer a = post("/v1/privacy/customer-tokens", key, json("{'" + field + "':'" + value + "'}"));
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    return a.body().get("token").asText();
  }

  @Test
  void aTokenShowsItsOwnPersonsUsageAndNeverAnothers() {
    JsonNode annView = get("/v1/me/usage", token("userId", "user-ann", readKey)).body();
    JsonNode bobView = get("/v1/me/usage", token("email", "Bob@Example.com", adminKey)).body();

    assertThat(annView.get("person").asText()).isEqualTo(ann.value());
    assertThat(annView.toString()).contains("recommendations_served").doesNotContain("message_sent")
        .doesNotContain(bob.value());
    assertThat(annView.get("days").get(0).get("lines").get(0).get("sentence").asText())
        .isEqualTo("Products were recommended to you (3 times), for choosing products and content that fit you.");
    assertThat(bobView.get("person").asText()).isEqualTo(bob.value());
    assertThat(bobView.toString()).contains("message_sent").doesNotContain("recommendations_served")
        .doesNotContain(ann.value());
    assertThat(get("/v1/me/usage?lang=zh", token("personId", ann.value(), readKey)).body().toString())
        .contains("向您推荐了商品");
  }

  @Test
  void aTokenOpensNothingButTheCustomersOwnViewAndAnApiKeyNotThat() {
    String annToken = token("userId", "user-ann", readKey);

    assertThat(get("/v1/persons/" + bob.value(), annToken).status()).isEqualTo(403);
    assertThat(get("/v1/privacy/usage/" + bob.value(), annToken).status()).isEqualTo(403);
    assertThat(post("/v1/privacy/customer-tokens", annToken, json("{'userId':'user-bob'}")).status())
        .isEqualTo(403);
    assertThat(get("/v1/me/usage", readKey).status()).isEqualTo(403);
    assertThat(get("/v1/me/usage", null).status()).isEqualTo(401);
  }

  @Test
  void forgedMalformedAndExpiredTokensGet401() throws Exception {
    String good = token("userId", "user-ann", readKey);
    String forged = good.substring(0, good.length() - 2) + (good.endsWith("AA") ? "BB" : "AA");
    String otherPerson = good.replaceFirst("sst1\\.[^.]+", "sst1." + java.util.Base64.getUrlEncoder()
        .withoutPadding().encodeToString(bob.value().getBytes()));
    byte[] key = CustomerTokens.key(null, platform.settings().store().dataDir()
        .resolve(PrivacyConfiguration.TOKEN_KEY_FILE));
    String expired = new CustomerTokens(key, Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC),
        Duration.ofMinutes(15)).issue(ann).token();

    for (String bad : new String[] {forged, otherPerson, "sst1.garbage", expired}) {
      Answer a = get("/v1/me/usage", bad);
      assertThat(a.status()).as(bad).isEqualTo(401);
      assertThat(a.body().toString()).doesNotContain("recommendations_served");
    }
    assertThat(get("/v1/me/usage", expired).body().get("code").asText()).isEqualTo("expired_customer_token");
    assertThat(get("/v1/me/usage", forged).body().get("code").asText()).isEqualTo("invalid_customer_token");
  }

  @Test
  void tokensAreForKnownPersonsGivenOneWayAndForReadOrAdminKeys() {
    assertThat(post("/v1/privacy/customer-tokens", readKey, json("{'userId':'nobody'}")).status()).isEqualTo(404);
    assertThat(post("/v1/privacy/customer-tokens", readKey, json("{}")).status()).isEqualTo(400);
    assertThat(post("/v1/privacy/customer-tokens", readKey, json("{'userId':'user-ann','email':'ann@example.com'}"))
        .status()).isEqualTo(400);
    assertThat(post("/v1/privacy/customer-tokens", readKey, "{not json").status()).isEqualTo(400);
    assertThat(post("/v1/privacy/customer-tokens", ingestKey, json("{'userId':'user-ann'}")).status())
        .isEqualTo(403);
  }

  @Test
  void staffReadAPersonsUsageAndBothReadsAreAudited() {
    long start = platform.stores().auditLog().head().map(io.shopsense.api.audit.AuditHead::seq).orElse(0L);
    JsonNode staff = get("/v1/privacy/usage/" + bob.value(), adminKey).body();
    get("/v1/me/usage", token("userId", "user-ann", readKey));

    assertThat(staff.toString()).contains("message_sent");
    assertThat(get("/v1/privacy/usage/no-such-person", adminKey).status()).isEqualTo(404);
    assertThat(platform.audit().find(new AuditQuery(null, null, "customer:" + ann.value(), "GET /v1/me/usage", start,
        10))).hasSize(1);
    assertThat(platform.audit().find(new AuditQuery(null, null, null, "GET /v1/privacy/usage/{personRef}", 0, 10)))
        .extracting(e -> e.record().target()).contains(bob.value());
    assertThat(platform.audit().find(new AuditQuery(null, null, null, "POST /v1/privacy/customer-tokens", 0, 100)))
        .extracting(e -> e.record().target()).contains(ann.value());
  }
}
