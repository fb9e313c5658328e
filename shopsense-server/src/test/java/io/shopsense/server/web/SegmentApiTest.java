package io.shopsense.server.web;

import static io.shopsense.server.web.ShopEvents.identify;
import static io.shopsense.server.web.ShopEvents.ordered;
import static io.shopsense.server.web.ShopEvents.viewed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.server.OnceBeforeAll;
import io.shopsense.server.ServerTestBase;
import io.shopsense.server.web.ShopEvents.Product;
import io.shopsense.server.web.ShopEvents.Who;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Segments through the API: saving rules as text or JSON, the mistakes a rule can have and how they are reported,
 * references between segments, previews, members and their CSV export, and the size history. Four customers are
 * sent through the tracking API once: two repeat buyers, a one-time buyer whose city trait looks like SQL, and a
 * browser.
 */
@TestPropertySource(properties = {"test.server-context=segment-api", "shopsense.lake.enabled=false"})
class SegmentApiTest extends ServerTestBase {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  /** A city trait that reads like an SQL injection: it must stay a plain value all the way. */
  private static final String SQL_CITY = "'; drop table segments; --";
  private static final OnceBeforeAll SHOP = new OnceBeforeAll();

  private static Instant daysAgo(int days) {
    return NOW.minus(Duration.ofDays(days));
  }

  @BeforeEach
  void shop() {
    SHOP.run(this::load);
  }

  private void load() {
    Product tent = new Product("sa-tent", "Outdoor/Tents", "Alpine", "199");
    Product pan = new Product("sa-pan", "Kitchen", "Chefco", "30");
    Product book = new Product("sa-book", "Books", "Penguin", "12");
    Answer sent = post("/v1/batch", ingestKey, ShopEvents.batch(List.of(
        identify("sa-1", Who.user("sa-u1"), daysAgo(30), Map.of("city", "Hangzhou")),
        ordered("sa-2", Who.user("sa-u1"), daysAgo(20), "sa-o-1", "199", tent),
        ordered("sa-3", Who.user("sa-u1"), daysAgo(3), "sa-o-2", "199", tent),
        identify("sa-4", Who.user("sa-u2"), daysAgo(10), Map.of("city", SQL_CITY)),
        ordered("sa-5", Who.user("sa-u2"), daysAgo(9), "sa-o-3", "30", pan),
        viewed("sa-6", Who.anonymous("sa-a3"), daysAgo(1), tent),
        ordered("sa-7", Who.user("sa-u4"), daysAgo(50), "sa-o-4", "12", book),
        ordered("sa-8", Who.user("sa-u4"), daysAgo(25), "sa-o-5", "12", book),
        ordered("sa-9", Who.user("sa-u4"), daysAgo(2), "sa-o-6", "12", book))));
    assertThat(sent.body().get("accepted").asInt()).as(sent.body().toString()).isEqualTo(9);
    awaitPipeline();
    refresh();
  }

  private void refresh() {
    Answer r = post("/v1/profiles/refresh", adminKey, "");
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
  }

  /** A PUT body with the rule as text. */
  private static String body(String name, String rule) {
    ObjectNode b = JsonCodec.mapper().createObjectNode();
    b.put("name", name).put("description", "made by " + SegmentApiTest.class.getSimpleName()).put("rule", rule);
    return b.toString();
  }

  private Answer save(String id, String rule) {
    return put("/v1/segments/" + id, adminKey, body("Segment " + id, rule));
  }

  private Answer preview(String rule) {
    return post("/v1/segments/preview", adminKey, JsonCodec.mapper().createObjectNode().put("rule", rule).toString());
  }

  private Answer delete(String path) {
    return send(auth(HttpRequest.newBuilder(uri(path)).DELETE(), adminKey));
  }

  private String personOf(String userId) {
    return get("/v1/profiles?userId=" + userId, readKey).body().get("person").asText();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private List<String> segmentIds() {
    List<String> ids = new ArrayList<>();
    get("/v1/segments", readKey).body().get("items").forEach(s -> ids.add(s.get("id").asText()));
    return ids;
  }

  @Test
  void createsASegmentThenChangesItAndCountsVersionsOnlyWhenTheRuleChanges() {
    Answer created = save("sa-repeat", "behaviour.orders >= 1");
    Answer changed = save("sa-repeat", "behaviour.orders   >=   2 -- repeat buyers");
    Answer same = save("sa-repeat", "behaviour.orders >= 2");
    Answer read = get("/v1/segments/sa-repeat", readKey);

    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    assertThat(created.body().get("version").asLong()).isEqualTo(1);
    assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
    assertThat(changed.body().get("version").asLong()).isEqualTo(2);
    assertThat(changed.body().get("rule").asText()).isEqualTo("behaviour.orders >= 2");
    assertThat(same.status()).isEqualTo(200);
    assertThat(same.body().get("version").asLong()).isEqualTo(2);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body().get("name").asText()).isEqualTo("Segment sa-repeat");
    assertThat(read.body().get("rule").asText()).isEqualTo("behaviour.orders >= 2");
    // the store keeps microseconds, the answer to the first PUT has the clock's nanoseconds
    assertThat(Instant.parse(read.body().get("createdAt").asText()))
        .isEqualTo(Instant.parse(created.body().get("createdAt").asText()).truncatedTo(ChronoUnit.MICROS));
    assertThat(Instant.parse(read.body().get("updatedAt").asText()))
        .isAfter(Instant.parse(read.body().get("createdAt").asText()));
    assertThat(segmentIds()).contains("sa-repeat");
  }

  @Test
  void takesTheRuleAsJsonAndGivesTheEquivalentTextBack() {
    String ruleJson = "{\"and\":[{\"field\":\"lifecycle\",\"op\":\"=\",\"value\":\"active\"},"
        + "{\"interest\":\"category:outdoor\",\"op\":\">\",\"value\":0}]}";
    Answer a = put("/v1/segments/sa-json", adminKey,
        "{\"name\":\"Active outdoor fans\",\"ruleJson\":" + ruleJson + "}");
    Answer text = save("sa-text", "lifecycle = 'active' and interest('category:outdoor') > 0");

    assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
    assertThat(a.body().get("rule").asText()).isEqualTo("lifecycle = 'active' and interest('category:outdoor') > 0");
    assertThat(a.body().get("ruleJson")).isEqualTo(JsonCodec.parse(ruleJson));
    assertThat(text.body().get("ruleJson")).isEqualTo(a.body().get("ruleJson"));
    Answer both = put("/v1/segments/sa-both", adminKey,
        "{\"name\":\"x\",\"rule\":\"lifecycle = 'new'\",\"ruleJson\":" + ruleJson + "}");
    Answer neither = put("/v1/segments/sa-neither", adminKey, "{\"name\":\"x\"}");
    Answer badJson = put("/v1/segments/sa-bad-json", adminKey,
        "{\"name\":\"x\",\"ruleJson\":{\"field\":\"lifecycle\",\"op\":\"like\",\"value\":\"a\"}}");
    assertThat(List.of(both.status(), neither.status(), badJson.status())).containsOnly(400);
    assertThat(badJson.body().get("code").asText()).isEqualTo("invalid_rule");
  }

  @Test
  void listsTheFieldsAndFunctionsARuleMayUse() {
    Answer a = get("/v1/segments/fields", readKey);

    assertThat(a.status()).isEqualTo(200);
    JsonNode fields = a.body().get("fields");
    assertThat(fields.get("lifecycle").asText()).isEqualTo("STRING");
    assertThat(fields.get("behaviour.orders").asText()).isEqualTo("NUMBER");
    assertThat(fields.get("behaviour.lastOrder").asText()).isEqualTo("TIME");
    assertThat(fields.has("rfm.segment")).isTrue();
    assertThat(a.body().get("traits").asText()).isEqualTo("traits.<name>");
    assertThat(String.join(" ", texts(a.body().get("functions")))).contains("interest(", "in_segment(", "count(");
  }

  @Test
  void pointsAtTheLineAndColumnOfAMistake() {
    String rule = "lifecycle = 'active'\n  and rfm.monetary >> 4";

    Answer saved = save("sa-typo", rule);
    Answer previewed = preview(rule);

    for (Answer a : List.of(saved, previewed)) {
      assertThat(a.status()).as(a.body().toString()).isEqualTo(400);
      assertThat(a.body().get("code").asText()).isEqualTo("invalid_rule");
      assertThat(a.body().get("line").asInt()).isEqualTo(2);
      assertThat(a.body().get("column").asInt()).isEqualTo(21);
      assertThat(a.body().get("reason").asText()).contains("after '>'");
    }
    assertThat(get("/v1/segments/sa-typo", readKey).status()).isEqualTo(404);
  }

  @Test
  void namesAnUnknownFieldAndSuggestsTheRightOne() {
    Answer a = save("sa-unknown-field", "lifecycle = 'active'\nand behaviour.orderz >= 2");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().get("code").asText()).isEqualTo("invalid_rule");
    assertThat(a.body().get("line").asInt()).isEqualTo(2);
    assertThat(a.body().get("column").asInt()).isEqualTo(5);
    assertThat(a.body().get("reason").asText()).contains("unknown field 'behaviour.orderz'", "'behaviour.orders'");
  }

  @Test
  void refusesAReferenceToAnUnknownSegmentAndACycleAndADeleteThatWouldBreakAReference() {
    Answer unknown = save("sa-ref", "in_segment('sa-nowhere')");
    Answer base = save("sa-base", "behaviour.orders >= 1");
    Answer user = save("sa-user", "in_segment('sa-base') and behaviour.orders >= 2");
    Answer cycle = save("sa-base", "in_segment('sa-user')");
    Answer self = save("sa-self", "in_segment('sa-self')");
    Answer inUse = delete("/v1/segments/sa-base");

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("detail").asText()).contains("sa-nowhere");
    assertThat(get("/v1/segments/sa-ref", readKey).status()).isEqualTo(404);
    assertThat(List.of(base.status(), user.status())).containsOnly(201);
    assertThat(cycle.status()).as(cycle.body().toString()).isEqualTo(400);
    assertThat(cycle.body().get("detail").asText()).contains("cycle");
    assertThat(self.status()).as(self.body().toString()).isEqualTo(400);
    JsonNode kept = get("/v1/segments/sa-base", readKey).body();
    assertThat(kept.get("rule").asText()).isEqualTo("behaviour.orders >= 1");
    assertThat(kept.get("version").asLong()).isEqualTo(1);
    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.body().get("code").asText()).isEqualTo("segment_in_use");
    assertThat(inUse.body().get("detail").asText()).contains("sa-user");
    assertThat(get("/v1/segments/sa-base", readKey).status()).isEqualTo(200);

    assertThat(delete("/v1/segments/sa-user").status()).isEqualTo(200);
    assertThat(delete("/v1/segments/sa-base").status()).isEqualTo(200);
    assertThat(delete("/v1/segments/sa-base").status()).isEqualTo(404);
    assertThat(segmentIds()).doesNotContain("sa-base", "sa-user");
  }

  @Test
  void previewsASizeAndASampleWithoutSaving() {
    List<String> before = segmentIds();

    Answer a = preview("behaviour.orders >= 1");

    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    assertThat(a.body().get("size").asLong()).isEqualTo(3);
    assertThat(a.body().get("profiles").asLong()).isEqualTo(4);
    assertThat(new HashSet<>(texts(a.body().get("sample"))))
        .isEqualTo(Set.of(personOf("sa-u1"), personOf("sa-u2"), personOf("sa-u4")));
    assertThat(a.body().get("rule").asText()).isEqualTo("behaviour.orders >= 1");
    assertThat(segmentIds()).isEqualTo(before);
  }

  @Test
  void exportsTheMembersAsJsonPagesAndCsvMatchingThePreviewAndRecordsTheSize() {
    String rule = "behaviour.orders >= 2 or interest('category:outdoor') > 0";
    JsonNode preview = preview(rule).body();
    long size = preview.get("size").asLong();
    assertThat(size).isEqualTo(3); // two repeat buyers and the browser of tents

    assertThat(save("sa-export", rule).status()).isEqualTo(201);
    refresh();

    Answer page = get("/v1/segments/sa-export/members", readKey);
    Set<String> members = new HashSet<>(texts(page.body().get("items")));
    assertThat(members).hasSize((int) size).isEqualTo(new HashSet<>(texts(preview.get("sample"))));
    Answer first = get("/v1/segments/sa-export/members?limit=2", readKey);
    Answer rest = get("/v1/segments/sa-export/members?limit=2&after=" + first.body().get("next").asText(), readKey);
    assertThat(first.body().get("items")).hasSize(2);
    assertThat(rest.body().get("items")).hasSize(1);
    assertThat(rest.body().get("next").isNull()).isTrue();

    Answer csv = get("/v1/segments/sa-export/members?format=csv", readKey);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    List<String> lines = new String(csv.raw().body(), StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).isEqualTo("person_id,lifecycle_stage,rfm_segment,orders,net_revenue,last_seen");
    assertThat(lines).hasSize((int) size + 1);
    assertThat(lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).toList())
        .containsExactlyInAnyOrderElementsOf(members);
    String u4 = personOf("sa-u4");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(u4 + ",active,").contains(",3,36,"));

    Answer history = get("/v1/segments/sa-export/history", readKey);
    assertThat(history.status()).isEqualTo(200);
    assertThat(history.body().get("sizes")).isNotEmpty();
    JsonNode last = history.body().get("sizes").get(history.body().get("sizes").size() - 1);
    assertThat(last.get("size").asLong()).isEqualTo(size);
    assertThat(get("/v1/segments/sa-export/history?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", readKey)
        .status()).as("from after to").isEqualTo(400);
    assertThat(get("/v1/segments/sa-export", readKey).body().get("size").asLong()).isEqualTo(size);
  }

  @Test
  void takesSqlLookingTextInARuleAsAPlainValue() {
    String rule = "traits.city = '''; drop table segments; --'";

    Answer a = save("sa-city", rule);
    refresh();

    assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
    assertThat(a.body().get("rule").asText()).isEqualTo(rule);
    assertThat(a.body().get("ruleJson").get("value").asText()).isEqualTo(SQL_CITY);
    assertThat(texts(get("/v1/segments/sa-city/members", readKey).body().get("items")))
        .containsExactly(personOf("sa-u2"));
    assertThat(segmentIds()).contains("sa-city");
    assertThat(save("sa-after-city", "traits.city = 'Hangzhou'").status()).isEqualTo(201);
  }

  @Test
  void answers404ForAnUnknownSegmentAnd400ForABadIdOrRequest() {
    for (String path : List.of("/v1/segments/sa-none", "/v1/segments/sa-none/members",
        "/v1/segments/sa-none/members?format=csv", "/v1/segments/sa-none/history")) {
      Answer a = get(path, readKey);
      assertThat(a.status()).as(path).isEqualTo(404);
      assertThat(a.body().get("code").asText()).isEqualTo("not_found");
    }
    assertThat(delete("/v1/segments/sa-none").status()).isEqualTo(404);

    Answer badGet = get("/v1/segments/Bad%20Id%21", readKey);
    Answer badPut = put("/v1/segments/Bad%20Id%21", adminKey, body("Bad", "lifecycle = 'new'"));
    Answer noName = put("/v1/segments/sa-no-name", adminKey, "{\"rule\":\"lifecycle = 'new'\"}");
    save("sa-formats", "lifecycle = 'new'");
    Answer badFormat = get("/v1/segments/sa-formats/members?format=xml", readKey);
    Answer badLimit = get("/v1/segments/sa-formats/members?limit=0", readKey);

    assertThat(badGet.status()).as(badGet.body().toString()).isEqualTo(400);
    assertThat(badPut.status()).isEqualTo(400);
    assertThat(badPut.body().get("detail").asText()).contains("segment id");
    assertThat(List.of(noName.status(), badFormat.status(), badLimit.status())).containsOnly(400);
    assertThat(post("/v1/segments/preview", readKey, "{\"rule\":\"lifecycle = 'new'\"}").status()).isEqualTo(403);
  }
}
