package io.shopsense.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.api.privacy.ConsentRecord;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.server.ServerTestBase;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes consent where it enters: {@code PUT /v1/consents} and the storefront's {@code Consent Updated} event, with
 * seeded malformed and hostile bodies. Never a 5xx; every refusal a problem with a code; and nothing is recorded in
 * the consent ledger that was not answered as accepted: every record holds a known purpose, a non-blank source and
 * notice version without control characters.
 */
// a server of its own: the fuzzed and refused consent events would fill the quarantine other tests list
@org.springframework.test.context.TestPropertySource(properties = "test.server-context=consent")
class ConsentFuzzTest extends ServerTestBase {
  static final long SEED = 20261122L;

  private final class LedgerOracle implements EndpointFuzzer.Oracle {
    @Override
    public long before() {
      return platform.stores().consentLedger().latestSeq();
    }

    @Override
    public void check(HostileJson.Case c, Answer a, long before) {
      List<ConsentRecord> added = platform.stores().consentLedger().after(before, 1_000);
      if (a.status() >= 400 || (a.body().has("rejected") && a.body().get("rejected").asLong() > 0
          && a.body().get("accepted").asLong() == 0)) {
        assertThat(added).as("nothing recorded for " + c.describe() + " -> " + a.body()).isEmpty();
      }
      for (ConsentRecord r : added) {
        assertThat(Purpose.values()).contains(r.purpose());
        assertThat(r.source()).isNotBlank().doesNotContainPattern("\\p{Cntrl}");
        assertThat(r.noticeVersion()).isNotBlank().doesNotContainPattern("\\p{Cntrl}");
        assertThat(r.subject().value()).isNotBlank();
      }
    }
  }

  @Test
  void theConsentEndpointSurvivesHostileBodies() {
    ObjectNode body = (ObjectNode) JsonCodec.parse(json("{'userId':'fz-u','purposes':{'analytics':true,"
        + "'marketing_email':false},'noticeVersion':'2026-05','source':'preference_centre','basis':'consent'}"));
    int ok = EndpointFuzzer.run(SEED, 150, List.of(body), (i, t) -> t.put("requestId", "fz-" + i),
        b -> send(auth(HttpRequest.newBuilder(uri("/v1/consents")).PUT(HttpRequest.BodyPublishers.ofByteArray(b))
            .header("Content-Type", "application/json"), adminKey)), new LedgerOracle());
    assertThat(ok).isPositive();
  }

  @Test
  void theConsentEventSurvivesHostileEvents() {
    JsonNode event = JsonCodec.parse(json("{'type':'track','event':'Consent Updated','anonymousId':'fz-a',"
        + "'properties':{'purposes':{'analytics':true,'personalisation':false},'notice_version':'2026-05',"
        + "'source':'cookie_banner'}}"));
    int ok = EndpointFuzzer.run(SEED + 1, 150, List.of(event), (i, t) -> t.put("messageId", "fz-consent-" + i),
        b -> post("/v1/track", ingestKey, "application/json", b), new LedgerOracle());
    assertThat(ok).isPositive();
  }
}
