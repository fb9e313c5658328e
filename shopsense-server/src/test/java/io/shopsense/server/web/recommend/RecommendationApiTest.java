package io.shopsense.server.web.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.audit.AuditQuery;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.privacy.UsageCount;
import io.shopsense.api.privacy.UsageKind;
import io.shopsense.server.OnceBeforeAll;
import io.shopsense.server.ServerTestBase;
import io.shopsense.server.web.ShopEvents;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/recommendations} and the model endpoints on a real server over a small shop sent through the API and
 * trained by {@code POST /v1/recommendations/models/retrain} (personalisation is strictly necessary on this test
 * server; {@link RecommendationConsentApiTest} checks the consent path).
 */
class RecommendationApiTest extends ServerTestBase {
  private static final OnceBeforeAll SHOP = new OnceBeforeAll();
  private static String trained;

  private final RecommendationShop shop = new RecommendationShop("rc-", (path, body) -> post(path, adminKey, body));

  @BeforeEach
  void shopTrained() {
    SHOP.run(() -> {
      shop.catalog();
      Answer sent = post("/v1/batch", ingestKey, ShopEvents.batch(shop.behaviour(Instant.now())));
      assertThat(sent.body().get("accepted").asInt()).as(sent.body().toString()).isEqualTo(24);
      awaitPipeline();
      try {
        shop.awaitLake(30);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      Answer retrained = post("/v1/recommendations/models/retrain", adminKey, "");
      assertThat(retrained.status()).as(retrained.body().toString()).isEqualTo(200);
      trained = retrained.body().get("version").asText();
    });
  }

  private PersonId person(String userId) {
    return platform.persons().owner(new Identifier(IdentifierKind.USER_ID, userId)).orElseThrow();
  }

  private long served(PersonId person) throws Exception {
    platform.followUsageNow();
    return platform.stores().usageLog().of(person).stream().filter(c -> c.kind() == UsageKind.RECOMMENDATIONS_SERVED)
        .mapToLong(UsageCount::count).sum();
  }

  private static List<String> products(JsonNode answer) {
    List<String> out = new ArrayList<>();
    answer.get("items").forEach(i -> out.add(i.get("productId").asText()));
    return out;
  }

  @Test
  void servesAPersonalListWithTheModelVersionReasonsAndNamesAndCountsTheUse() throws Exception {
    PersonId first = person(shop.user(1));
    long before = served(first);

    Answer a = get("/v1/recommendations?scene=home&userId=" + shop.user(1) + "&n=5", readKey);

    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    JsonNode body = a.body();
    assertThat(body.get("id").asText()).isNotBlank();
    assertThat(body.get("scene").asText()).isEqualTo("home");
    assertThat(body.get("modelVersion").asText()).isEqualTo(trained)
        .isEqualTo(a.header(RecommendationController.MODEL_VERSION));
    assertThat(body.get("basis").asText()).isEqualTo("personalised");
    assertThat(body.get("items")).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    JsonNode top = body.get("items").get(0);
    assertThat(top.get("productId").asText()).startsWith("rc-t");
    assertThat(top.get("name").asText()).startsWith("Tea No.");
    assertThat(top.get("source").asText()).isNotBlank();
    assertThat(top.get("reason").get("type").asText()).isNotBlank();
    assertThat(top.get("explanation").asText()).isNotBlank();
    assertThat(served(first)).isEqualTo(before + 1);
    String again = get("/v1/recommendations?scene=home&userId=" + shop.user(1) + "&n=5", readKey).body().get("id")
        .asText();
    assertThat(again).as("each list has an id of its own").isNotEqualTo(body.get("id").asText());
  }

  @Test
  void theProductPageLeavesOutTheProductShownAndAStrangerIsNoError() throws Exception {
    Answer a = get("/v1/recommendations?scene=product&item=" + shop.product("t1") + "&anonymousId=nobody-knows-me",
        readKey);

    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    assertThat(a.body().get("basis").asText()).isEqualTo("non_personalised");
    assertThat(products(a.body())).isNotEmpty().doesNotContain(shop.product("t1"));
    Answer cart = get("/v1/recommendations?scene=cart&item=" + shop.product("t1") + "," + shop.product("t2")
        + "&item=" + shop.product("c1") + "&user=p_nobody", adminKey);
    assertThat(cart.status()).as(cart.body().toString()).isEqualTo(200);
    assertThat(products(cart.body())).doesNotContain(shop.product("t1"), shop.product("t2"), shop.product("c1"));
  }

  @Test
  void staffMaySeeAPersonsListInChinese() {
    Answer a = get("/v1/recommendations?scene=email&user=" + person(shop.user(4)).value() + "&locale=zh-CN",
        adminKey);

    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    assertThat(a.body().get("basis").asText()).isEqualTo("personalised");
    assertThat(a.body().get("items").get(0).get("explanation").asText()).matches(".*\\p{IsHan}.*");
  }

  @Test
  void timesEveryListServedBySceneAndBasisForTheMetricsEndpoint() {
    get("/v1/recommendations?scene=search&item=" + shop.product("t1") + "," + shop.product("c2"), readKey);

    Answer m = get("/actuator/metrics/shopsense.recommendations.serve?tag=scene:search&tag=basis:non_personalised",
        adminKey);

    assertThat(m.status()).as(m.body().toString()).isEqualTo(200);
    assertThat(m.body().get("measurements").findValues("value").get(0).asDouble()).isGreaterThanOrEqualTo(1);
    assertThat(get("/actuator/metrics/shopsense.recommendations.serve.percentile?tag=phi:0.99", adminKey).status())
        .isEqualTo(200);
  }

  @Test
  void tellsWhatIsServedAndInstallsAPersonalModelFromItsBytesWithAnAuditEntry() {
    Answer models = get("/v1/recommendations/models", readKey);
    assertThat(models.status()).isEqualTo(200);
    assertThat(models.body().get("models").get("personal").get("recommender").asText()).isNotBlank();
    assertThat(models.body().get("summary").get("persons").asLong()).isGreaterThanOrEqualTo(6);
    assertThat(models.body().get("nextRetrain").asText()).isNotBlank();
    byte[] bytes = platform.recommendations().current().personal().orElseThrow().toBytes();

    Answer installed = send(auth(HttpRequest.newBuilder(uri("/v1/recommendations/models/personal"))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).header("Content-Type", "application/octet-stream"),
        adminKey));

    assertThat(installed.status()).as(installed.body().toString()).isEqualTo(200);
    String version = installed.body().get("version").asText();
    assertThat(version).isNotEqualTo(models.body().get("version").asText());
    assertThat(get("/v1/recommendations?scene=home&userId=" + shop.user(2), readKey)
        .header(RecommendationController.MODEL_VERSION)).isEqualTo(version);
    assertThat(platform.audit().find(new AuditQuery(null, null, null, "PUT /v1/recommendations/models/personal", 0,
        10))).extracting(e -> e.record().target()).contains(version);
    assertThat(platform.audit().find(new AuditQuery(null, null, null, "POST /v1/recommendations/models/retrain", 0,
        10))).extracting(e -> e.record().target()).contains(trained);
  }

  @Test
  void refusesForeignModelBytesWithTheReason() {
    Answer a = send(auth(HttpRequest.newBuilder(uri("/v1/recommendations/models/personal"))
        .PUT(HttpRequest.BodyPublishers.ofByteArray("not a model".getBytes())).header("Content-Type",
            "application/octet-stream"), adminKey));
    Answer json = put("/v1/recommendations/models/personal", adminKey, "{}");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().get("code").asText()).isEqualTo("invalid_model");
    assertThat(a.body().get("detail").asText()).startsWith("not a ShopSense recommender model: ").hasSizeGreaterThan(
        "not a ShopSense recommender model: ".length());
    assertThat(json.status()).isEqualTo(415);
  }
}
