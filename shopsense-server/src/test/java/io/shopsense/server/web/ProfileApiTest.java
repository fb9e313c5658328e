package io.shopsense.server.web;

import static io.shopsense.server.web.ShopEvents.identify;
import static io.shopsense.server.web.ShopEvents.ordered;
import static io.shopsense.server.web.ShopEvents.refunded;
import static io.shopsense.server.web.ShopEvents.viewed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.profile.RfmSegment;
import io.shopsense.server.OnceBeforeAll;
import io.shopsense.server.ServerTestBase;
import io.shopsense.server.web.ShopEvents.Product;
import io.shopsense.server.web.ShopEvents.Who;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Profiles, RFM and the lifecycle over a small hand-made shop sent through the tracking API: a visitor who browses
 * anonymously and then signs up and buys, two repeat customers (one with a refund), a browser who never buys, a
 * customer whose only order is 200 days old and a big first-time spender. Nothing about the windows is configured,
 * so the lifecycle uses the defaults (90 days active, churned after 365; too few repeat customers to fit).
 */
@TestPropertySource(properties = "test.server-context=profile-api") // a server of its own: the counts are exact
class ProfileApiTest extends ServerTestBase {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Product TENT = new Product("pa-tent", "Outdoor/Tents", "Alpine", "199");
  private static final Product STOVE = new Product("pa-stove", "Outdoor/Cooking", "Alpine", "50");
  private static final Product PAN = new Product("pa-pan", "Kitchen", "Chefco", "30");
  private static final Product NOVEL = new Product("pa-novel", "Books", "Penguin", "12");
  private static final Product RAKE = new Product("pa-rake", "Garden", "Greenly", "80");
  private static final int PROFILES = 6;
  private static final int CUSTOMERS = 5;

  private static final OnceBeforeAll SHOP = new OnceBeforeAll();

  private static Instant daysAgo(double days) {
    return NOW.minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
  }

  @BeforeEach
  void shop() {
    SHOP.run(this::load);
  }

  private void load() {
    Who annAnonymous = Who.anonymous("pa-anon-ann");
    Who ann = Who.user("pa-ann");
    Who bob = Who.user("pa-bob");
    Who cara = Who.user("pa-cara");
    Who dan = Who.user("pa-dan");
    Who eve = Who.user("pa-eve");
    Who fay = Who.user("pa-fay");
    Answer sent = post("/v1/batch", ingestKey, ShopEvents.batch(List.of(
        viewed("pa-1", annAnonymous, daysAgo(3), TENT),
        ShopEvents.added("pa-2", annAnonymous, daysAgo(2.99), TENT, 1),
        identify("pa-3", new Who("pa-ann", "pa-anon-ann"), daysAgo(2.98),
            Map.of("email", "Ann@Example.com", "first_name", "Ann", "plan", "gold")),
        ordered("pa-4", ann, daysAgo(2), "pa-o-ann", "199", TENT),
        ordered("pa-5", bob, daysAgo(40), "pa-o-bob-1", "100", STOVE),
        ordered("pa-6", bob, daysAgo(10), "pa-o-bob-2", "150", TENT),
        ordered("pa-7", cara, daysAgo(60), "pa-o-cara-1", "30", PAN),
        ordered("pa-8", cara, daysAgo(30), "pa-o-cara-2", "30", PAN),
        ordered("pa-9", cara, daysAgo(5), "pa-o-cara-3", "30", PAN),
        refunded("pa-10", cara, daysAgo(4), "pa-o-cara-3", "30"),
        // at one instant, so that interest decay treats the three alike whatever the time of day
        viewed("pa-11", dan, daysAgo(1), NOVEL),
        viewed("pa-12", dan, daysAgo(1), NOVEL),
        viewed("pa-13", dan, daysAgo(1), TENT),
        ordered("pa-14", eve, daysAgo(200), "pa-o-eve", "80", RAKE),
        ordered("pa-15", fay, daysAgo(1), "pa-o-fay", "500", TENT))));
    assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
    assertThat(sent.body().get("accepted").asInt()).as(sent.body().toString()).isEqualTo(15);
    awaitPipeline();
    Answer segment = put("/v1/segments/pa-outdoor", adminKey,
        "{\"name\":\"Outdoor fans\",\"rule\":\"interest('category:outdoor') > 0\"}");
    assertThat(segment.status()).as(segment.body().toString()).isEqualTo(201);
    refresh();
  }

  private void refresh() {
    Answer r = post("/v1/profiles/refresh", adminKey, "");
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
  }

  private JsonNode profile(String query) {
    Answer a = get("/v1/profiles?" + query, readKey);
    assertThat(a.status()).as(query + " → " + a.body()).isEqualTo(200);
    return a.body();
  }

  private JsonNode user(String userId) {
    return profile("userId=" + userId);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static boolean absent(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode();
  }

  /** Every listed profile (person id → facts), following the cursor. */
  private Map<String, JsonNode> all(String filter) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    String after = null;
    do {
      Answer page = get("/v1/profiles?limit=1000" + filter + (after == null ? "" : "&after=" + enc(after)), readKey);
      assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
      page.body().get("items").forEach(p -> out.put(p.get("person").asText(), p.get("facts")));
      after = absent(page.body().get("next")) ? null : page.body().get("next").asText();
    } while (after != null);
    return out;
  }

  @Test
  void findsTheVisitorWhoSignedUpByEveryIdentifierWithTheBrowsingFromBefore() {
    JsonNode byUser = user("pa-ann");
    String person = byUser.get("person").asText();

    assertThat(profile("anonymousId=pa-anon-ann").get("person").asText()).isEqualTo(person);
    assertThat(profile("email=" + enc("ann@example.com")).get("person").asText()).isEqualTo(person);
    assertThat(profile("email=" + enc("ANN@example.com")).get("person").asText()).isEqualTo(person);
    Answer byId = get("/v1/profiles/" + person, readKey);
    assertThat(byId.status()).isEqualTo(200);
    assertThat(byId.body().get("person").asText()).isEqualTo(person);
    List<String> identifiers = new ArrayList<>();
    byUser.get("identifiers").forEach(l -> identifiers.add(l.get("identifier").get("value").asText()));
    assertThat(identifiers).contains("pa-anon-ann", "pa-ann", "ann@example.com");
    JsonNode traits = byUser.get("traits");
    assertThat(traits.get("email").asText()).isEqualToIgnoringCase("ann@example.com");
    assertThat(traits.get("plan").asText()).isEqualTo("gold");
    List<String> personal = new ArrayList<>();
    byUser.get("personalTraits").forEach(t -> personal.add(t.asText()));
    assertThat(personal).contains("email", "first_name").doesNotContain("plan");
    // the view and the cart addition were sent before the visitor said who they are
    JsonNode b = byUser.get("behaviour");
    assertThat(b.get("views").asLong()).isEqualTo(1);
    assertThat(b.get("cartAdds").asLong()).isEqualTo(1);
    assertThat(b.get("orders").asLong()).isEqualTo(1);
    assertThat(b.get("events").asLong()).isEqualTo(4);
    assertThat(Instant.parse(b.get("firstSeen").asText())).isEqualTo(daysAgo(3));
  }

  @Test
  void sumsOrdersRevenueRefundsAndViewsPerPerson() {
    JsonNode cara = user("pa-cara").get("behaviour");
    JsonNode bob = user("pa-bob").get("behaviour");
    JsonNode dan = user("pa-dan").get("behaviour");
    JsonNode ann = user("pa-ann").get("behaviour");

    assertThat(cara.get("orders").asLong()).isEqualTo(3);
    assertThat(cara.get("revenue").decimalValue()).isEqualByComparingTo("90");
    assertThat(cara.get("refunds").asLong()).isEqualTo(1);
    assertThat(cara.get("refunded").decimalValue()).isEqualByComparingTo("30");
    assertThat(cara.get("netRevenue").decimalValue()).isEqualByComparingTo("60");
    assertThat(cara.get("daysBetweenOrders").asDouble()).isCloseTo(27.5, org.assertj.core.data.Offset.offset(0.01));
    assertThat(cara.get("favouriteCategories").get(0).asText()).isEqualTo("Kitchen");
    assertThat(bob.get("orders").asLong()).isEqualTo(2);
    assertThat(bob.get("netRevenue").decimalValue()).isEqualByComparingTo("250");
    assertThat(bob.get("refunds").asLong()).isZero();
    assertThat(Instant.parse(bob.get("lastOrder").asText())).isEqualTo(daysAgo(10));
    assertThat(dan.get("views").asLong()).isEqualTo(3);
    assertThat(dan.get("orders").asLong()).isZero();
    assertThat(dan.get("netRevenue").decimalValue()).isEqualByComparingTo("0");
    assertThat(dan.get("favouriteCategories").get(0).asText()).isEqualTo("Books");
    assertThat(ann.get("favouriteCategories").get(0).asText()).isEqualTo("Outdoor/Tents");
    assertThat(ann.get("favouriteBrands").get(0).asText()).isEqualTo("Alpine");
  }

  @Test
  void placesEveryoneInALifecycleStageAndScoresOnlyCustomers() {
    Map<String, JsonNode> p = new LinkedHashMap<>();
    for (String u : List.of("pa-ann", "pa-bob", "pa-cara", "pa-dan", "pa-eve", "pa-fay")) {
      p.put(u, user(u));
    }

    assertThat(p.get("pa-ann").get("lifecycleStage").asText()).isEqualTo("new");
    assertThat(p.get("pa-fay").get("lifecycleStage").asText()).isEqualTo("new");
    assertThat(p.get("pa-bob").get("lifecycleStage").asText()).isEqualTo("active");
    assertThat(p.get("pa-cara").get("lifecycleStage").asText()).isEqualTo("active");
    assertThat(p.get("pa-dan").get("lifecycleStage").asText()).isEqualTo("potential");
    // 200 days since the only order: past the default 90 days, not yet past 365
    assertThat(p.get("pa-eve").get("lifecycleStage").asText()).isEqualTo("silent");
    assertThat(Instant.parse(p.get("pa-eve").get("stageSince").asText())).isEqualTo(daysAgo(110));
    assertThat(absent(p.get("pa-dan").get("rfm"))).as("a browser has no RFM scores").isTrue();
    for (String customer : List.of("pa-ann", "pa-bob", "pa-cara", "pa-eve", "pa-fay")) {
      JsonNode rfm = p.get(customer).get("rfm");
      assertThat(absent(rfm)).as(customer + " is a customer").isFalse();
      int r = rfm.get("recency").asInt();
      int f = rfm.get("frequency").asInt();
      int m = rfm.get("monetary").asInt();
      assertThat(List.of(r, f, m)).allSatisfy(s -> assertThat(s).isBetween(1, 5));
      RfmSegment segment = RfmSegment.of(r, f, m);
      assertThat(rfm.get("segment").asText()).isEqualTo(segment.key());
      assertThat(rfm.get("label").asText()).isEqualTo(segment.label());
    }
    assertThat(p.get("pa-fay").get("rfm").get("recency").asInt())
        .isGreaterThan(p.get("pa-eve").get("rfm").get("recency").asInt());
    assertThat(p.get("pa-cara").get("rfm").get("frequency").asInt())
        .isGreaterThan(p.get("pa-ann").get("rfm").get("frequency").asInt());
    assertThat(p.get("pa-fay").get("rfm").get("monetary").asInt())
        .isGreaterThan(p.get("pa-cara").get("rfm").get("monetary").asInt());
  }

  @Test
  void tagsInterestsByCategoryLevelAndBrandAndListsTheSegments() {
    JsonNode ann = user("pa-ann");
    JsonNode dan = user("pa-dan");
    JsonNode cara = user("pa-cara");

    assertThat(ann.get("interests").has("category:outdoor")).isTrue();
    assertThat(ann.get("interests").has("category:tents")).isTrue();
    assertThat(ann.get("interests").has("brand:alpine")).isTrue();
    // two views of a book, one of a tent, all on the same day: books lead, the tent has half their weight
    assertThat(dan.get("interests").get("category:books").asDouble()).isEqualTo(1.0);
    assertThat(dan.get("interests").get("brand:penguin").asDouble()).isEqualTo(1.0);
    assertThat(dan.get("interests").get("category:outdoor").asDouble()).isEqualTo(0.5);
    assertThat(dan.get("interests").get("category:tents").asDouble()).isEqualTo(0.5);
    assertThat(cara.get("interests").has("category:outdoor")).isFalse();
    assertThat(ann.get("segments").toString()).isEqualTo("[\"pa-outdoor\"]");
    assertThat(dan.get("segments").toString()).isEqualTo("[\"pa-outdoor\"]");
    assertThat(cara.get("segments")).isEmpty();
  }

  @Test
  void listsProfilesByStageRfmSegmentAndSegmentAndPagesWithACursor() {
    String dan = user("pa-dan").get("person").asText();
    String fay = user("pa-fay").get("person").asText();
    String fayRfm = user("pa-fay").get("rfm").get("segment").asText();

    assertThat(all("&stage=potential").keySet()).containsExactly(dan);
    assertThat(all("&stage=active")).hasSize(2)
        .allSatisfy((id, facts) -> assertThat(facts.get("lifecycleStage").asText()).isEqualTo("active"));
    assertThat(all("&stage=churned")).isEmpty();
    Map<String, JsonNode> sameRfm = all("&rfmSegment=" + fayRfm);
    assertThat(sameRfm).containsKey(fay)
        .allSatisfy((id, facts) -> assertThat(facts.get("rfmSegment").asText()).isEqualTo(fayRfm));
    Set<String> outdoor = all("&segment=pa-outdoor").keySet();
    Set<String> expected = new HashSet<>();
    for (String u : List.of("pa-ann", "pa-bob", "pa-dan", "pa-fay")) {
      expected.add(user(u).get("person").asText());
    }
    assertThat(outdoor).isEqualTo(expected);

    Answer first = get("/v1/profiles?limit=2", readKey);
    String cursor = first.body().get("next").asText();
    Answer second = get("/v1/profiles?limit=2&after=" + enc(cursor), readKey);
    Answer third = get("/v1/profiles?limit=2&after=" + enc(second.body().get("next").asText()), readKey);
    List<String> seen = new ArrayList<>();
    for (Answer page : List.of(first, second, third)) {
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body().get("items")).hasSize(2);
      page.body().get("items").forEach(i -> seen.add(i.get("person").asText()));
    }
    assertThat(seen).doesNotHaveDuplicates().hasSize(PROFILES).isSorted();
    assertThat(absent(third.body().get("next"))).as("no page after the last").isTrue();
    assertThat(new HashSet<>(seen)).isEqualTo(all("").keySet());
  }

  @Test
  void showsEventsAndLifecycleChangesOnTheTimelineNewestFirst() {
    String ann = user("pa-ann").get("person").asText();

    Answer t = get("/v1/profiles/" + ann + "/timeline", readKey);

    assertThat(t.status()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    JsonNode stageChange = null;
    for (JsonNode e : t.body().get("items")) {
      names.add(e.get("kind").asText() + ":" + e.get("name").asText());
      times.add(Instant.parse(e.get("at").asText()));
      if (stageChange == null && e.get("name").asText().equals("LifecycleStageChanged")) {
        stageChange = e;
      }
    }
    assertThat(names).contains("event:Product Viewed", "event:Product Added", "event:Order Completed",
        "change:LifecycleStageChanged");
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    // the latest stage change: from nothing or from potential (the browsing before the order) to new
    assertThat(stageChange.get("detail").asText()).endsWith("new");
    assertThat(Instant.parse(stageChange.get("at").asText())).isEqualTo(daysAgo(2));
    assertThat(get("/v1/profiles/" + ann + "/timeline?limit=1", readKey).body().get("items").size())
        .isBetween(1, 2);
  }

  @Test
  void theRfmGridCountsEveryCustomerOnce() {
    JsonNode grid = get("/v1/rfm/grid", readKey).body();

    assertThat(grid.get("customers").asLong()).isEqualTo(CUSTOMERS);
    long inCells = 0;
    for (JsonNode c : grid.get("grid")) {
      inCells += c.get("persons").asLong();
    }
    long bySegment = 0;
    for (JsonNode n : grid.get("bySegment")) {
      bySegment += n.asLong();
    }
    assertThat(grid.get("grid")).hasSize(25);
    assertThat(inCells).isEqualTo(CUSTOMERS);
    assertThat(bySegment).isEqualTo(CUSTOMERS);
    String eveSegment = user("pa-eve").get("rfm").get("segment").asText();
    assertThat(grid.get("bySegment").get(eveSegment).asLong()).isPositive();
    long customersListed = all("").values().stream().filter(f -> f.get("orders").asLong() > 0).count();
    assertThat(customersListed).isEqualTo(CUSTOMERS);
  }

  @Test
  void theLifecycleDistributionCountsEveryProfileAndFlowsArePerDay() {
    JsonNode d = get("/v1/lifecycle/distribution", readKey).body();
    JsonNode stages = d.get("stages");
    long sum = 0;
    for (JsonNode n : stages) {
      sum += n.asLong();
    }

    assertThat(sum).isEqualTo(all("").size()).isEqualTo(PROFILES);
    assertThat(stages.get("potential").asLong()).isEqualTo(1);
    assertThat(stages.get("new").asLong()).isEqualTo(2);
    assertThat(stages.get("active").asLong()).isEqualTo(2);
    assertThat(stages.get("silent").asLong()).isEqualTo(1);
    assertThat(stages.get("churned").asLong()).isZero();
    assertThat(d.get("windows").get("activeFor").asText()).isEqualTo(Duration.ofDays(90).toString());
    assertThat(d.get("windows").get("churnAfter").asText()).isEqualTo(Duration.ofDays(365).toString());

    Answer daily = get("/v1/lifecycle/flows?bucket=day&from=" + daysAgo(400) + "&to=" + NOW.plusSeconds(3600),
        readKey);
    assertThat(daily.status()).as(daily.body().toString()).isEqualTo(200);
    JsonNode flows = daily.body().get("flows");
    assertThat(flows).isNotEmpty();
    long transitions = 0;
    boolean eveTurnedSilent = false;
    LocalDate eveDay = LocalDate.ofInstant(daysAgo(110), ZoneOffset.UTC);
    for (JsonNode f : flows) {
      transitions += f.get("persons").asLong();
      eveTurnedSilent |= LocalDate.parse(f.get("start").asText()).equals(eveDay)
          && f.get("to").asText().equals("silent");
    }
    assertThat(transitions).as("every profile entered its first stage").isGreaterThanOrEqualTo(PROFILES);
    assertThat(eveTurnedSilent).as("a flow into silent on " + eveDay + " in " + flows).isTrue();
    JsonNode weekly = get("/v1/lifecycle/flows?bucket=week", readKey).body();
    assertThat(weekly.get("flows")).isNotEmpty()
        .allSatisfy(f -> assertThat(LocalDate.parse(f.get("start").asText()).getDayOfWeek())
            .isEqualTo(DayOfWeek.MONDAY));
  }

  @Test
  void answers404ForAnUnknownPersonOrSegment() {
    for (String path : List.of("/v1/profiles/no-such-person", "/v1/profiles/no-such-person/timeline",
        "/v1/profiles?userId=nobody-at-all", "/v1/profiles?email=nobody%40example.com",
        "/v1/profiles?segment=no-such-segment")) {
      Answer a = get(path, readKey);
      assertThat(a.status()).as(path).isEqualTo(404);
      assertThat(a.body().get("code").asText()).as(path).isEqualTo("not_found");
    }
  }

  @Test
  void answers400ForABadStageRfmSegmentLimitBucketOrInstant() {
    for (String path : List.of("/v1/profiles?stage=gold", "/v1/profiles?rfmSegment=vip",
        "/v1/profiles?limit=0", "/v1/profiles?limit=1001", "/v1/profiles?limit=two",
        "/v1/profiles?segment=pa-outdoor&stage=new", "/v1/lifecycle/flows?bucket=year",
        "/v1/lifecycle/flows?from=yesterday", "/v1/lifecycle/flows?to=2026-13-01T00:00:00Z",
        "/v1/lifecycle/flows?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
        "/v1/profiles/x/timeline?limit=0")) {
      Answer a = get(path, readKey);
      assertThat(a.status()).as(path + " → " + a.body()).isEqualTo(400);
      assertThat(a.body().get("code").asText()).as(path).isEqualTo("invalid_parameter");
    }
  }
}
