package io.shopsense.server.web.recommend;

import static io.shopsense.server.web.ShopEvents.Who.anonymous;
import static io.shopsense.server.web.ShopEvents.Who.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.core.collect.RecommendationEvents;
import io.shopsense.server.ServerTestBase;
import io.shopsense.server.web.ShopEvents;
import io.shopsense.server.web.ShopEvents.Product;
import io.shopsense.server.web.ShopEvents.Who;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Click-through and conversion per model version × scene, end to end: the storefront's tracking events and orders
 * go through the collect API into the lake, and {@code GET /v1/recommendations/performance} counts them. Model
 * versions of this test's own ({@code perf-…}) keep other tests' events out of the rows checked.
 */
class RecommendationPerformanceApiTest extends ServerTestBase {
  private static final Product P1 = new Product("perf-p1", "tea", "leaf", "4.50");
  private static final Product P3 = new Product("perf-p3", "tea", "leaf", "6.00");
  private static final Product P5 = new Product("perf-p5", "cups", "clay", "9.00");
  private static final Product P9 = new Product("perf-p9", "cups", "clay", "3.00");

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final List<ObjectNode> events = new ArrayList<>();
  private int seq;

  private Instant daysAgo(double days) {
    return now.minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
  }

  private void shown(Who who, double daysAgo, String list, Product p, String scene, String version, int position) {
    events.add(ShopEvents.recommendation(RecommendationEvents.VIEWED, "perf-" + seq++, who, daysAgo(daysAgo), list,
        p.id(), scene, version, position));
  }

  private void clicked(Who who, double daysAgo, String list, Product p, String scene, String version) {
    events.add(ShopEvents.recommendation(RecommendationEvents.CLICKED, "perf-" + seq++, who, daysAgo(daysAgo), list,
        p.id(), scene, version, 0));
  }

  private void ordered(Who who, double daysAgo, Product... products) {
    events.add(ShopEvents.ordered("perf-" + seq++, who, daysAgo(daysAgo), "perf-order-" + seq, "10.00", products));
  }

  private static JsonNode row(JsonNode answer, String version, String scene) {
    for (JsonNode r : answer.get("rows")) {
      if (r.get("modelVersion").asText().equals(version) && r.get("scene").asText().equals(scene)) {
        return r;
      }
    }
    throw new AssertionError("no row " + version + " × " + scene + " in " + answer);
  }

  @Test
  void countsImpressionsClicksAndClicksFollowedByAnOrderOfTheSamePersonWithinTheWindow() {
    Who annaBrowsing = anonymous("perf-anna-device");
    Who anna = user("perf-anna");
    Who ben = anonymous("perf-ben");
    Who cleo = anonymous("perf-cleo");
    Who dan = anonymous("perf-dan");
    // Anna clicks anonymously and orders once signed in: the identify links both ids to one person
    events.add(ShopEvents.identify("perf-" + seq++, new Who("perf-anna", "perf-anna-device"), daysAgo(9.9),
        Map.of()));
    shown(annaBrowsing, 3, "perf-list-1", P1, "home", "perf-v1", 0);
    shown(annaBrowsing, 3, "perf-list-1", P3, "home", "perf-v1", 1);
    clicked(annaBrowsing, 3, "perf-list-1", P1, "home", "perf-v1");
    ordered(anna, 2, P1, P9);
    // Ben orders the clicked product, but 8.5 days after the click: past the 7-day window
    shown(ben, 9.5, "perf-list-2", P3, "home", "perf-v1", 0);
    clicked(ben, 9.5, "perf-list-2", P3, "home", "perf-v1");
    ordered(ben, 1, P3);
    // Cleo clicks, Dan buys that product: another person's order does not convert Cleo's click
    shown(cleo, 2, "perf-list-3", P5, "home", "perf-v1", 0);
    clicked(cleo, 2, "perf-list-3", P5, "home", "perf-v1");
    ordered(dan, 1, P5);
    // an order before the click does not convert it
    ordered(cleo, 2.5, P5);
    // another scene and another version
    shown(dan, 4, "perf-list-4", P9, "product", "perf-v1", 0);
    shown(dan, 4, "perf-list-4", P1, "product", "perf-v1", 1);
    shown(ben, 1, "perf-list-5", P9, "home", "perf-v2", 0);
    clicked(ben, 1, "perf-list-5", P9, "home", "perf-v2");
    ordered(ben, 0.5, P9);
    // outside the period asked for
    shown(ben, 12, "perf-list-6", P9, "home", "perf-v2", 0);

    Answer sent = post("/v1/batch", ingestKey, ShopEvents.batch(events));
    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.body().get("accepted").asInt()).as(sent.body().toString()).isEqualTo(events.size());
    awaitPipeline();

    Answer a = get("/v1/recommendations/performance?from=" + daysAgo(10) + "&to=" + now.plusSeconds(1), readKey);

    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    assertThat(a.body().get("conversionWindow").asText()).isEqualTo("PT168H");
    JsonNode home = row(a.body(), "perf-v1", "home");
    assertThat(home.get("impressions").asLong()).isEqualTo(4);
    assertThat(home.get("clicks").asLong()).isEqualTo(3);
    assertThat(home.get("conversions").asLong()).isEqualTo(1);
    assertThat(home.get("ctr").asDouble()).isEqualTo(0.75);
    assertThat(home.get("conversionRate").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
    JsonNode product = row(a.body(), "perf-v1", "product");
    assertThat(product.get("impressions").asLong()).isEqualTo(2);
    assertThat(product.get("clicks").asLong()).isZero();
    assertThat(product.get("ctr").asDouble()).isZero();
    assertThat(product.get("conversionRate").asDouble()).isZero();
    JsonNode v2 = row(a.body(), "perf-v2", "home");
    assertThat(v2.get("impressions").asLong()).isEqualTo(1);
    assertThat(v2.get("clicks").asLong()).isEqualTo(1);
    assertThat(v2.get("conversions").asLong()).isEqualTo(1);
    assertThat(a.body().toString()).doesNotContain("perf-anna", "perf-ben");
  }

  @Test
  void refusesABadPeriodNamingTheParameter() {
    Answer backwards = get("/v1/recommendations/performance?from=2026-11-20&to=2026-11-10", readKey);
    Answer garbled = get("/v1/recommendations/performance?from=yesterday", readKey);
    Answer tooLong = get("/v1/recommendations/performance?from=2020-01-01&to=2026-01-01", readKey);

    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.body().get("parameter").asText()).isEqualTo("from");
    assertThat(garbled.status()).isEqualTo(400);
    assertThat(garbled.body().get("detail").asText()).contains("ISO");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body().get("detail").asText()).contains("366");
  }

  @Test
  void theStorefrontsTrackingEventsAreCheckedLikeAnyOther() {
    Answer a = post("/v1/track", ingestKey, json("{'event':'Recommendation Clicked','anonymousId':'perf-x',"
        + "'properties':{'product_id':'p','scene':'home','model_version':'v'}}"));

    assertThat(a.status()).isEqualTo(422);
    assertThat(a.body().toString()).contains("properties.recommendation_id");
  }
}
