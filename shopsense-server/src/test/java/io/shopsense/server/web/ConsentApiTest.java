package io.shopsense.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.server.ServerTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code PUT /v1/consents} and {@code GET /v1/consents/{ref}} on a real server, and the storefront's
 * {@code Consent Updated} event over {@code /v1/batch}. The test server declares analytics and personalisation strictly
 * necessary (see {@link ServerTestBase}); every other purpose is left to consent, so both kinds show here.
 */
// a server of its own: the fuzzed and refused consent events would fill the quarantine other tests list
@org.springframework.test.context.TestPropertySource(properties = "test.server-context=consent")
class ConsentApiTest extends ServerTestBase {

  private static JsonNode purpose(JsonNode answer, String name) {
    for (JsonNode p : answer.get("purposes")) {
      if (p.get("purpose").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no purpose " + name + " in " + answer);
  }

  @Test
  void recordsDecisionsAndAnswersTheCurrentStatePerPurposeWithTheHistory() {
    Answer put = put("/v1/consents", adminKey, json("{'email':' Anna@Example.COM ','purposes':{'marketing_email':true,"
        + "'marketing_sms':false},'noticeVersion':'2026-05','source':'preference_centre','requestId':'r-1'}"));
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.body().get("subject").asText()).isEqualTo("email:anna@example.com");
    assertThat(purpose(put.body(), "marketing_email").get("status").asText()).isEqualTo("granted");
    assertThat(purpose(put.body(), "marketing_email").get("noticeVersion").asText()).isEqualTo("2026-05");
    assertThat(purpose(put.body(), "marketing_sms").get("reason").asText()).isEqualTo("consent_refused");
    assertThat(purpose(put.body(), "marketing_push").get("reason").asText()).isEqualTo("no_consent_recorded");
    assertThat(purpose(put.body(), "analytics").get("status").asText()).isEqualTo("strictly_necessary");
    assertThat(purpose(put.body(), "analytics").get("basis").asText()).isEqualTo("legitimate_interests");

    // a retry of the same request records nothing twice; a withdrawal is told from a refusal
    put("/v1/consents", adminKey, json("{'email':'anna@example.com','purposes':{'marketing_email':true,"
        + "'marketing_sms':false},'noticeVersion':'2026-05','source':'preference_centre','requestId':'r-1'}"));
    put("/v1/consents", adminKey, json("{'email':'anna@example.com','purposes':{'marketing_email':false},"
        + "'noticeVersion':'2026-06'}"));
    Answer get = get("/v1/consents/email:anna@example.com", readKey);
    assertThat(get.status()).isEqualTo(200);
    assertThat(purpose(get.body(), "marketing_email").get("allowed").asBoolean()).isFalse();
    assertThat(purpose(get.body(), "marketing_email").get("reason").asText()).isEqualTo("consent_withdrawn");
    assertThat(get.body().get("history")).hasSize(3);
    assertThat(get.body().get("history").get(2).get("source").asText()).isEqualTo("api");
    assertThat(get.body().get("person").isNull()).isTrue();
  }

  @Test
  void theStorefrontsConsentEventReachesThePersonAndABadOneIsQuarantined() {
    Answer a = post("/v1/batch", ingestKey, batch(
        "{'type':'track','event':'Consent Updated','anonymousId':'a-77','properties':{'purposes':"
            + "{'marketing_push':true},'notice_version':'2026-05','source':'cookie_banner'}}",
        "{'type':'identify','anonymousId':'a-77','userId':'u-77'}",
        "{'type':'track','event':'Consent Updated','anonymousId':'a-77','properties':{'purposes':{'push':true}}}"));
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("accepted").asInt()).isEqualTo(2);
    assertThat(a.body().get("rejected").asInt()).isEqualTo(1);
    assertThat(a.body().get("withheld").asInt()).isZero();
    JsonNode bad = a.body().get("results").get(2);
    assertThat(bad.get("reason").asText()).isEqualTo("invalid_value");
    assertThat(bad.get("quarantineId").asLong()).isPositive();
    awaitPipeline();

    Answer byUser = get("/v1/consents/user_id:u-77", readKey);
    assertThat(byUser.body().get("person").asText()).startsWith("p_");
    assertThat(purpose(byUser.body(), "marketing_push").get("status").asText()).isEqualTo("granted");
    assertThat(purpose(byUser.body(), "marketing_push").get("source").asText()).isEqualTo("cookie_banner");
    Answer byPerson = get("/v1/consents/" + byUser.body().get("person").asText(), readKey);
    assertThat(purpose(byPerson.body(), "marketing_push").get("allowed").asBoolean()).isTrue();
  }

  @Test
  void answersBadRequestsWithAProblemAndTheScopesItNeeds() {
    List<String[]> bad = new ArrayList<>();
    bad.add(new String[] {"{'purposes':{'analytics':true},'noticeVersion':'v'}", "missing_subject"});
    bad.add(new String[] {"{'userId':'u','email':'a@b.c','purposes':{'analytics':true},'noticeVersion':'v'}",
        "ambiguous_subject"});
    bad.add(new String[] {"{'userId':'u','purposes':{'fishing':true},'noticeVersion':'v'}", "unknown_purpose"});
    bad.add(new String[] {"{'userId':'u','purposes':{'analytics':'yes'},'noticeVersion':'v'}", "invalid_type"});
    bad.add(new String[] {"{'userId':'u','purposes':{},'noticeVersion':'v'}", "invalid_type"});
    bad.add(new String[] {"{'userId':'u','purposes':{'analytics':true}}", "missing_field"});
    bad.add(new String[] {"{'userId':'u','purposes':{'analytics':true},'noticeVersion':'v','basis':'whim'}",
        "invalid_value"});
    bad.add(new String[] {"{'userId':7,'purposes':{'analytics':true},'noticeVersion':'v'}", "invalid_type"});
    bad.add(new String[] {"{'email':'not-an-email','purposes':{'analytics':true},'noticeVersion':'v'}",
        "invalid_value"});
    bad.add(new String[] {"[1,2]", "not_an_object"});
    bad.add(new String[] {"{'userId':", "malformed_json"});
    long before = platform.stores().consentLedger().latestSeq();
    for (String[] b : bad) {
      Answer a = put("/v1/consents", adminKey, json(b[0]));
      assertThat(a.status()).as(b[0]).isEqualTo(400);
      assertThat(a.body().get("code").asText()).as(b[0]).isEqualTo(b[1]);
    }
    assertThat(platform.stores().consentLedger().latestSeq()).isEqualTo(before);

    String ok = json("{'userId':'u-9','purposes':{'analytics':true},'noticeVersion':'v'}");
    assertThat(put("/v1/consents", ingestKey, ok).status()).isEqualTo(403);
    assertThat(put("/v1/consents", readKey, ok).status()).isEqualTo(403);
    assertThat(put("/v1/consents", null, ok).status()).isEqualTo(401);
    assertThat(get("/v1/consents/user_id:u-9", ingestKey).status()).isEqualTo(403);
    assertThat(get("/v1/consents/user_id:u-9", readKey).body().get("history")).isEmpty();
  }
}
