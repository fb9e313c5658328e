package io.shopsense.server.web.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.campaign.MessageSuppressed;
import io.shopsense.api.id.PersonId;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.server.OnceBeforeAll;
import io.shopsense.server.ServerTestBase;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The marketer's campaign API over HTTP: templates, journeys, broadcasts, coupon pools, offers, reports and
 * suppressions; each endpoint's happy path and one bad input. One known customer (Ann) is identified once.
 */
@TestPropertySource(properties = {"test.server-context=campaign-admin-api", "shopsense.lake.enabled=false"})
class CampaignAdminApiTest extends ServerTestBase {
  private static final OnceBeforeAll ANN = new OnceBeforeAll();
  private static String ann;

  private static final String PROMO = json("{'category':'promotional','locale':'en','subject':'Hi {{person.name}}',"
      + "'html':'<p>Hello {{person.name}}</p><a href={{links.unsubscribe}}>unsubscribe</a>',"
      + "'text':'Hello {{person.name}} - unsubscribe: {{links.unsubscribe}}'}");

  private static final String JOURNEY = json("{'id':'ca-journey','name':'CA journey','version':1,"
      + "'trigger':{'type':'stage-changed','to':'new'},'reentry':{'mode':'once'},'steps':["
      + "{'id':'hello','type':'send','template':'ca-promo','category':'promotional','topic':'news','priority':40,"
      + "'next':'done'},{'id':'done','type':'exit'}]}");

  @BeforeEach
  void customer() {
    ANN.run(() -> {
      Answer a = post("/v1/identify", ingestKey, json("{'userId':'ca-ann','messageId':'ca-1',"
          + "'traits':{'first_name':'Ann','email':'ann@example.com'}}"));
      assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
      awaitPipeline();
      ann = get("/v1/persons?userId=ca-ann", readKey).body().get("id").asText();
    });
  }

  @Test
  void savesListsPreviewsAndDeletesATemplate() {
    Answer created = put("/v1/templates/ca-promo", marketer(), PROMO);
    Answer replaced = put("/v1/templates/ca-promo", marketer(), PROMO);
    Answer one = get("/v1/templates/ca-promo", readKey);
    Answer list = get("/v1/templates", readKey);
    Answer preview = post("/v1/templates/ca-promo/preview?person=" + ann, marketer(), "");

    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(one.body().get("category").asText()).isEqualTo("promotional");
    assertThat(ids(list.body())).contains("ca-promo");
    assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
    assertThat(preview.body().get("subject").asText()).isEqualTo("Hi Ann");
    assertThat(preview.body().get("text").asText()).startsWith("Hello Ann - unsubscribe: http");
    assertThat(post("/v1/templates/ca-promo/preview?person=ca-nobody", marketer(), "").status()).isEqualTo(404);
    assertThat(post("/v1/templates/ca-none/preview?person=" + ann, marketer(), "").status()).isEqualTo(404);

    put("/v1/templates/ca-gone", marketer(), PROMO);
    Answer deleted = send(auth(HttpRequest.newBuilder(uri("/v1/templates/ca-gone")).DELETE(), marketer()));
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(get("/v1/templates/ca-gone", readKey).status()).isEqualTo(404);
  }

  @Test
  void refusesAPromotionalTemplateWithoutAnUnsubscribeLinkListingEveryProblem() {
    Answer bad = put("/v1/templates/ca-bad", marketer(), json("{'category':'promotional','subject':'Buy',"
        + "'html':'<p>Buy now</p>','text':'Buy now'}"));

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().get("code").asText()).isEqualTo("invalid_template");
    List<String> problems = texts(bad.body().get("problems"));
    assertThat(problems).hasSize(2).allMatch(p -> p.contains("links.unsubscribe"));
    assertThat(problems).anyMatch(p -> p.startsWith("html")).anyMatch(p -> p.startsWith("text"));
    assertThat(get("/v1/templates/ca-bad", readKey).status()).isEqualTo(404);
  }

  @Test
  void savesAJourneyAndStartsAndStopsIt() {
    Answer saved = post("/v1/journeys?live=false", marketer(), JOURNEY);
    Answer yaml = post("/v1/journeys", marketer(), "application/yaml", ("id: ca-yaml\nversion: 1\n"
        + "trigger: {type: stage-changed, to: new}\nreentry: {mode: once}\nsteps:\n"
        + "  - {id: done, type: exit}\n").getBytes(StandardCharsets.UTF_8));

    assertThat(saved.status()).as(saved.body().toString()).isEqualTo(201);
    assertThat(saved.body().get("id").asText()).isEqualTo("ca-journey");
    assertThat(saved.body().get("version").asInt()).isEqualTo(1);
    assertThat(yaml.status()).as(yaml.body().toString()).isEqualTo(201);

    Answer started = put("/v1/journeys/ca-journey/versions/1/live", marketer(), "");
    assertThat(started.status()).isEqualTo(200);
    JsonNode listed = journey(get("/v1/journeys", readKey).body(), "ca-journey");
    assertThat(listed.get("live").asBoolean()).isTrue();
    assertThat(listed.get("enrolments").get("active").asLong()).isZero();
    Answer one = get("/v1/journeys/ca-journey?version=1", readKey);
    assertThat(one.body().get("definition").get("steps")).hasSize(2);

    Answer stopped = send(auth(HttpRequest.newBuilder(uri("/v1/journeys/ca-journey/versions/1/live")).DELETE(),
        marketer()));
    assertThat(stopped.status()).isEqualTo(200);
    assertThat(get("/v1/journeys/ca-journey", readKey).body().get("live").asBoolean()).isFalse();
    assertThat(put("/v1/journeys/ca-journey/versions/9/live", marketer(), "").status()).isEqualTo(404);
    assertThat(get("/v1/journeys/ca-none", readKey).status()).isEqualTo(404);
  }

  @Test
  void refusesAJourneyWithAnUnreachableStepNamingTheStep() {
    String orphan = JOURNEY.replace("{'id':'done'".replace('\'', '"'), json("{'id':'orphan','type':'exit'},"
        + "{'id':'done'"));

    Answer bad = post("/v1/journeys", marketer(), orphan);

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().get("code").asText()).isEqualTo("invalid_journey");
    List<String> messages = new ArrayList<>();
    bad.body().get("problems").forEach(p -> messages.add(p.get("path").asText() + " " + p.get("message").asText()));
    assertThat(messages).anyMatch(m -> m.contains("orphan") && m.contains("unreachable"));
  }

  @Test
  void installsTheReadyMadeJourneysOnceKeepingWhatTheMarketerStarted() {
    Answer first = post("/v1/journeys/ready-made?live=false", marketer(), "");
    assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
    assertThat(first.body().get("installed").size() + first.body().get("unchanged").size()).isEqualTo(10);
    assertThat(first.body().get("templates")).isNotEmpty();
    assertThat(get("/v1/coupon-pools/first-order", readKey).status()).isEqualTo(200);
    int version = journey(get("/v1/journeys", readKey).body(), "welcome-series").get("version").asInt();
    put("/v1/journeys/welcome-series/versions/" + version + "/live", marketer(), "");

    Answer second = post("/v1/journeys/ready-made?live=false", marketer(), "");

    JsonNode welcome = journey(get("/v1/journeys", readKey).body(), "welcome-series");
    assertThat(welcome.get("live").asBoolean()).as("a second install must not stop a started journey").isTrue();
    assertThat(welcome.get("version").asInt()).isEqualTo(version);
    assertThat(second.body().get("installed")).isEmpty();
    assertThat(second.body().get("unchanged")).hasSize(10);
    assertThat(second.body().get("templates")).isEmpty();
    assertThat(second.body().get("couponPools")).isEmpty();
  }

  @Test
  void schedulesListsReadsAndCancelsABroadcast() {
    String segment = JsonCodec.mapper().createObjectNode().put("name", "Everyone").put("rule", "lifecycle = 'new'")
        .toString();
    assertThat(put("/v1/segments/ca-everyone", marketer(), segment).status()).isIn(200, 201);
    String date = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
    Answer created = post("/v1/broadcasts", marketer(), json("{'id':'ca-sale','name':'Sale','segment':'ca-everyone',"
        + "'channel':'email','template':'ca-promo','category':'promotional','topic':'sales','priority':50,"
        + "'date':'" + date + "','time':'10:00','fallbackZone':'Asia/Shanghai'}"));

    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    assertThat(created.body().get("status").asText()).isEqualTo("scheduled");
    assertThat(ids(get("/v1/broadcasts", readKey).body())).contains("ca-sale");
    Answer one = get("/v1/broadcasts/ca-sale", readKey);
    assertThat(one.body().get("counts").get("audience").asLong()).isZero();
    assertThat(one.body().get("report").isArray()).isTrue();

    Answer cancelled = post("/v1/broadcasts/ca-sale/cancel", marketer(), "");
    Answer again = post("/v1/broadcasts/ca-sale/cancel", marketer(), "");

    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.body().get("status").asText()).isEqualTo("cancelled");
    assertThat(again.status()).isEqualTo(409);
    assertThat(post("/v1/broadcasts/ca-none/cancel", marketer(), "").status()).isEqualTo(404);
  }

  @Test
  void runsADueBroadcastAndReportsItsDeliveredMessage() throws InterruptedException {
    Answer template = put("/v1/templates/ca-service", marketer(), json("{'category':'service','subject':'Your account',"
        + "'text':'Hello {{person.name}}, your account is ready'}"));
    assertThat(template.status()).as(template.body().toString()).isEqualTo(201);
    String segment = JsonCodec.mapper().createObjectNode().put("name", "Ann").put("rule", "traits.first_name = 'Ann'")
        .toString();
    assertThat(put("/v1/segments/ca-ann", marketer(), segment).status()).isIn(200, 201);
    assertThat(post("/v1/profiles/refresh", adminKey, "").status()).isEqualTo(200);
    // half an hour ago where the day starts first: due now, and due now for Ann (her zone falls back to UTC+14)
    ZonedDateTime local = platform.clock().instant().atZone(ZoneOffset.ofHours(14)).minusMinutes(30);
    Answer created = post("/v1/broadcasts", marketer(), json("{'id':'ca-now','segment':'ca-ann','channel':'in_app',"
        + "'template':'ca-service','category':'service','date':'" + local.toLocalDate() + "','time':'"
        + local.toLocalTime().withSecond(0).withNano(0) + "','fallbackZone':'+14:00'}"));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);

    platform.campaigns().tick();
    JsonNode done = get("/v1/broadcasts/ca-now", readKey).body();
    for (int i = 0; i < 100 && !"done".equals(done.get("status").asText()); i++) {
      Thread.sleep(100); // the server's own scheduler may be running it
      done = get("/v1/broadcasts/ca-now", readKey).body();
    }
    platform.campaigns().dispatchNow();
    Answer report = get("/v1/campaign-reports?source=campaign:ca-now", readKey);
    for (int i = 0; i < 100 && (report.body().get("steps").isEmpty()
        || report.body().get("steps").get(0).get("delivered").asLong() == 0); i++) {
      Thread.sleep(100); // the server's own dispatchers may hold the claim
      report = get("/v1/campaign-reports?source=campaign:ca-now", readKey);
    }
    Answer afterwards = post("/v1/broadcasts/ca-now/cancel", marketer(), "");

    assertThat(done.get("status").asText()).isEqualTo("done");
    assertThat(done.get("counts").get("audience").asLong()).isEqualTo(1);
    assertThat(done.get("counts").get("queued").asLong()).as(done.toString()).isEqualTo(1);
    assertThat(report.body().get("steps")).hasSize(1);
    assertThat(report.body().get("steps").get(0).get("delivered").asLong()).isEqualTo(1);
    assertThat(get("/v1/broadcasts/ca-now", readKey).body().get("report").get(0).get("delivered").asLong())
        .isEqualTo(1);
    assertThat(afterwards.status()).as("a broadcast that ran cannot be cancelled").isEqualTo(409);
  }

  @Test
  void refusesABroadcastToAnUnknownSegment() {
    Answer bad = post("/v1/broadcasts", marketer(), json("{'id':'ca-nowhere','segment':'ca-no-such-segment',"
        + "'channel':'email','template':'ca-promo','category':'promotional','date':'2099-01-01','time':'10:00'}"));

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().get("detail").asText()).contains("ca-no-such-segment");
  }

  @Test
  void savesACouponPoolAndAnOfferAndShowsTheirUsageStatsAndAllocations() {
    Answer pool = put("/v1/coupon-pools/ca-pool", marketer(), json("{'codes':'unique','valueKind':'amount',"
        + "'value':5,'minimumSpend':20,'expiresAt':'2099-01-01T00:00:00Z','budgetCount':100,'perPersonLimit':1}"));
    Answer readPool = get("/v1/coupon-pools/ca-pool", readKey);
    Answer offer = put("/v1/offers/ca-offer", marketer(), json("{'variants':[{'id':'a','pool':'ca-pool'},"
        + "{'id':'b','pool':'ca-pool'}]}"));
    Answer allocated = post("/v1/offers/ca-offer/allocations", marketer(), json("{'personId':'" + ann + "'}"));
    Answer again = post("/v1/offers/ca-offer/allocations", marketer(), json("{'personId':'" + ann + "'}"));
    Answer readOffer = get("/v1/offers/ca-offer", readKey);
    Answer log = get("/v1/offers/ca-offer/allocations?after=0&limit=10", readKey);

    assertThat(pool.status()).as(pool.body().toString()).isEqualTo(201);
    assertThat(readPool.body().get("valueKind").asText()).isEqualTo("amount");
    assertThat(readPool.body().get("usage").get("granted").asLong()).isZero();
    assertThat(offer.status()).as(offer.body().toString()).isEqualTo(201);
    assertThat(allocated.status()).as(allocated.body().toString()).isEqualTo(200);
    assertThat(allocated.body().get("coupon").asText()).isNotBlank();
    assertThat(again.body().get("variant")).as("the same variant when asked again")
        .isEqualTo(allocated.body().get("variant"));
    long exposures = 0;
    for (JsonNode v : readOffer.body().get("variants")) {
      exposures += v.get("exposures").asLong();
    }
    assertThat(exposures).isEqualTo(1);
    assertThat(log.body().get("items")).hasSize(1);
    assertThat(log.body().get("items").get(0).get("person").asText()).isEqualTo(ann);
    assertThat(get("/v1/coupon-pools/ca-none", readKey).status()).isEqualTo(404);
  }

  @Test
  void refusesAPercentOver100AndAnOfferOnAnUnknownPool() {
    Answer pool = put("/v1/coupon-pools/ca-bad", marketer(), json("{'codes':'unique','valueKind':'percent',"
        + "'value':150,'expiresAt':'2099-01-01T00:00:00Z'}"));
    Answer offer = put("/v1/offers/ca-bad", marketer(), json("{'variants':[{'id':'a','pool':'ca-no-pool'}]}"));

    assertThat(pool.status()).isEqualTo(400);
    assertThat(pool.body().get("code").asText()).isEqualTo("invalid_coupon_pool");
    assertThat(offer.status()).isEqualTo(400);
    assertThat(offer.body().get("detail").asText()).contains("ca-no-pool");
    assertThat(get("/v1/offers/ca-bad/allocations?limit=0", readKey).status()).isEqualTo(400);
  }

  @Test
  void reportsACampaignStepByStepAndRefusesAnUnknownSourceKind() {
    Answer report = get("/v1/campaign-reports?source=journey:welcome-series", readKey);
    Answer bad = get("/v1/campaign-reports?source=welcome-series", readKey);

    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body().get("steps").isArray()).isTrue();
    assertThat(bad.status()).isEqualTo(400);
  }

  @Test
  void countsSuppressionsByRuleAndShowsAPersonsWithTheirReasons() {
    Instant now = platform.clock().instant();
    platform.campaigns().stores().suppressions().append(List.of(new MessageSuppressed(PersonId.of(ann),
        "campaign:ca-test|" + ann, "frequency_cap", "3 of 3 promotional messages already sent today", now,
        Optional.empty())));

    Answer counts = get("/v1/suppressions", readKey);
    Answer mine = get("/v1/persons/" + ann + "/suppressions", readKey);
    Answer bad = get("/v1/suppressions?from=yesterday", readKey);

    assertThat(counts.status()).isEqualTo(200);
    assertThat(counts.body().get("byRule").get("frequency_cap").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(mine.body().get("items").get(0).get("rule").asText()).isEqualTo("frequency_cap");
    assertThat(mine.body().get("items").get(0).get("reason").asText()).contains("3 of 3");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(get("/v1/persons/" + ann + "/suppressions?limit=0", readKey).status()).isEqualTo(400);
  }

  /** A marketer's access is the admin key's for these endpoints (EndpointRoleMatrixTest checks the roles). */
  private String marketer() {
    return adminKey;
  }

  private static List<String> ids(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.get("items").forEach(i -> out.add(i.get("id").asText()));
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static JsonNode journey(JsonNode list, String id) {
    for (JsonNode j : list.get("items")) {
      if (j.get("id").asText().equals(id)) {
        return j;
      }
    }
    throw new AssertionError("no journey " + id + " in " + list);
  }
}
