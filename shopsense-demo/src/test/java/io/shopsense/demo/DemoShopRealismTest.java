package io.shopsense.demo;

import static io.shopsense.demo.DemoFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structure later features are built and tested on, checked with generous bounds on a shop of about 100,000
 * events: the funnel, the long tail, repeat buying, lifecycle spread, identity stitching, habitual hours, interests,
 * co-purchases, replenishment cycles, promotions.
 */
class DemoShopRealismTest {
  static final DemoSettings SETTINGS = settings(42, 100_000);
  static DemoShop shop;
  static World world;
  static ShopAnalysis a;

  @BeforeAll
  static void generate() {
    shop = DemoShop.of(SETTINGS);
    world = World.of(SETTINGS);
    a = new ShopAnalysis();
    shop.events().forEach(a::accept);
  }

  @Test
  void mostVisitorsAcceptAnalyticsFewerPersonalisationFewerStillMarketing() {
    long[] answers = new long[4];
    shop.events().filter(e -> "Consent Updated".equals(e.path("event").asText())).forEach(e -> {
      JsonNode purposes = e.at("/properties/purposes");
      answers[0]++;
      answers[1] += purposes.get("analytics").asBoolean() ? 1 : 0;
      answers[2] += purposes.get("personalisation").asBoolean() ? 1 : 0;
      answers[3] += purposes.get("marketing_email").asBoolean() ? 1 : 0;
      assertThat(e.at("/properties/notice_version").asText()).isNotBlank();
    });
    assertThat(answers[0]).as("banner answers").isGreaterThan(500);
    assertThat((double) answers[1] / answers[0]).isBetween(0.8, 0.95);
    assertThat(answers[2]).isLessThan(answers[1]).isGreaterThan(answers[0] / 2);
    assertThat(answers[3]).isLessThan(answers[2]);
  }

  @Test
  void theFunnelNarrowsFromViewsToOrders() {
    assertThat(a.count("Product Viewed")).isGreaterThan(5 * a.count("Product Added"));
    assertThat(a.count("Product Added")).isGreaterThan(a.count("Checkout Started"));
    assertThat(a.count("Checkout Started")).isGreaterThan(a.count("Payment Info Entered"));
    assertThat(a.count("Payment Info Entered")).isGreaterThan(a.count("Order Completed"));
    assertThat(a.count("Order Completed")).isGreaterThan(a.count("Order Refunded"));
    assertThat(a.count("Order Refunded")).isGreaterThan(a.count("Order Cancelled"));
    assertThat(a.byName.keySet()).contains("Product List Viewed", "Product Searched", "Product Removed",
        "Cart Viewed", "Coupon Applied", "Review Submitted", "Product Added to Wishlist", "Order Cancelled", "page",
        "screen", "identify", "alias");
  }

  @Test
  void theSummaryCountsWhatWasGenerated() {
    DemoSummary s = shop.summary();

    assertThat(s.events()).isEqualTo(a.events);
    assertThat(s.byName()).isEqualTo(a.byName);
    assertThat(s.orders()).isEqualTo(a.orders.size());
    assertThat(s.buyers()).isEqualTo(a.ordersByUser.size());
    assertThat(s.refunds()).isEqualTo(a.refunds.size());
    assertThat(s.first()).isEqualTo(a.first);
    assertThat(s.last()).isEqualTo(a.last);
    BigDecimal revenue = a.orders.values().stream().map(o -> o.properties().get("revenue").decimalValue())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(s.revenue()).isEqualByComparingTo(revenue);
    assertThat(s.customers()).isGreaterThan(s.buyers()).isLessThan(s.people());
  }

  @Test
  void aFewProductsTakeMostViews() {
    List<Integer> views = new ArrayList<>(a.views.values());
    views.sort(Collections.reverseOrder());
    int products = shop.products().size();
    long top = views.stream().limit(Math.round(products * 0.2)).mapToLong(Integer::longValue).sum();
    long all = views.stream().mapToLong(Integer::longValue).sum();

    assertThat(top / (double) all).isGreaterThan(0.5);
  }

  @Test
  void someCustomersBuyAgainAndFrequencyAndSpendSpreadOut() {
    Map<Integer, Long> buyersByOrders = a.ordersByUser.values().stream()
        .collect(Collectors.groupingBy(l -> Math.min(l.size(), 5), Collectors.counting()));
    assertThat(buyersByOrders.keySet()).contains(1, 2, 3, 4, 5);
    assertThat(buyersByOrders.get(1)).isGreaterThan(buyersByOrders.get(5));

    List<BigDecimal> spend = a.orders.values().stream().collect(Collectors.groupingBy(ShopAnalysis.OrderFact::userId,
        Collectors.reducing(BigDecimal.ZERO, o -> o.properties().get("revenue").decimalValue(), BigDecimal::add)))
        .values().stream().sorted().collect(Collectors.toList());
    BigDecimal low = spend.get(spend.size() / 10);
    BigDecimal high = spend.get(spend.size() * 9 / 10);
    assertThat(high).isGreaterThan(low.multiply(BigDecimal.valueOf(5)));
  }

  @Test
  void atTheEndCustomersAreNewActiveSilentAndChurned() {
    Instant end = SETTINGS.end();
    Map<String, Long> days = a.daysSinceLastOrder(end);
    long isNew = a.ordersByUser.values().stream()
        .filter(l -> Duration.between(l.get(0), end).toDays() < 30).count();
    long active = days.values().stream().filter(d -> d < 60).count() - isNew;
    long silent = days.values().stream().filter(d -> d >= 60 && d < 120).count();
    long churned = days.values().stream().filter(d -> d >= 120).count();

    assertThat(isNew).isGreaterThanOrEqualTo(10);
    assertThat(active).isGreaterThanOrEqualTo(10);
    assertThat(silent).isGreaterThanOrEqualTo(10);
    assertThat(churned).isGreaterThanOrEqualTo(10);
  }

  @Test
  void ordersAddUpAndNameCatalogProducts() {
    List<String> ids = shop.products().stream().map(p -> p.get("id").asText()).collect(Collectors.toList());

    assertThat(a.orders.values()).allSatisfy(o -> {
      JsonNode p = o.properties();
      assertThat(ids).containsAll(o.products());
      BigDecimal lines = BigDecimal.ZERO;
      for (JsonNode line : p.get("products")) {
        lines = lines.add(line.get("price").decimalValue().multiply(line.get("quantity").decimalValue()));
      }
      assertThat(p.get("subtotal").decimalValue()).isEqualByComparingTo(lines);
      assertThat(p.get("revenue").decimalValue())
          .isEqualByComparingTo(lines.subtract(p.get("discount").decimalValue()));
      assertThat(p.get("total").decimalValue()).isEqualByComparingTo(p.get("revenue").decimalValue()
          .add(p.get("shipping").decimalValue()).add(p.get("tax").decimalValue()));
      assertThat(o.userId()).isNotNull();
    });
  }

  @Test
  void refundsCancellationsAndReviewsFollowEarlierOrdersOfTheirProducts() {
    assertThat(a.refunds).isNotEmpty();
    assertThat(a.cancellations).isNotEmpty();
    assertThat(a.reviews).isNotEmpty();
    for (List<ShopAnalysis.FollowUp> followUps : List.of(a.refunds, a.cancellations, a.reviews)) {
      assertThat(followUps).allSatisfy(f -> {
        ShopAnalysis.OrderFact order = a.orders.get(f.orderId());
        assertThat(order).as("order %s", f.orderId()).isNotNull();
        assertThat(order.at()).isBefore(f.at());
        assertThat(order.products()).containsAll(f.products());
      });
    }
    assertThat(a.refunds).anySatisfy(r -> assertThat(r.products()).hasSizeLessThan(
        a.orders.get(r.orderId()).products().size()));
  }

  @Test
  void anonymousBrowsingIsStitchedByALaterIdentifyOnTheSameDevice() {
    assertThat(a.unlinkedIdentifiedEvents).isZero();
    assertThat(a.stitchedAnonymousIds()).isGreaterThan(100);
    assertThat(a.aliases).isGreaterThan(5);
    long twoOrMore = a.anonymousIdsOfUser.values().stream().filter(ids -> ids.size() >= 2).count();
    assertThat(twoOrMore).isGreaterThan(a.anonymousIdsOfUser.size() / 20);
  }

  @Test
  void customersHaveHabitualHoursInTheirOwnTimeZone() {
    List<Double> concentration = new ArrayList<>();
    a.sessionHoursOfUser.values().stream().filter(h -> Arrays.stream(h).sum() >= 10).forEach(h -> {
      int best = 0;
      for (int hour = 0; hour < 24; hour++) {
        best = Math.max(best, h[(hour + 23) % 24] + h[hour] + h[(hour + 1) % 24]);
      }
      concentration.add(best / (double) Arrays.stream(h).sum());
    });
    Collections.sort(concentration);

    assertThat(concentration).hasSizeGreaterThan(50);
    assertThat(concentration.get(concentration.size() / 2)).isGreaterThan(0.4); // uniform would be 3/24
  }

  @Test
  void customersKeepToTheirFavouriteCategories() {
    List<Double> favouriteShare = new ArrayList<>();
    a.topCategoryViewsOfUser.values().stream().filter(m -> m.values().stream().mapToInt(i -> i).sum() >= 20)
        .forEach(m -> favouriteShare.add(Collections.max(m.values())
            / (double) m.values().stream().mapToInt(i -> i).sum()));
    Collections.sort(favouriteShare);

    assertThat(favouriteShare).hasSizeGreaterThan(50);
    assertThat(favouriteShare.get(favouriteShare.size() / 2)).isGreaterThan(0.4); // 5 to 10 top categories
  }

  @Test
  void complementsAreBoughtTogether() {
    Map<String, Item> items = new HashMap<>();
    world.catalog.items().forEach(i -> items.put(i.id, i));
    long withComplement = a.orders.values().stream().filter(o -> o.products().stream().anyMatch(p -> {
      int[] partners = items.get(p).complements;
      return o.products().stream().anyMatch(q -> Arrays.stream(partners).anyMatch(c -> items.get(q).index == c));
    })).count();
    long multiLine = a.orders.values().stream().filter(o -> o.products().size() > 1).count();

    assertThat(withComplement).isGreaterThan(multiLine / 10).isGreaterThan(20);
  }

  @Test
  void consumablesAreBoughtAgainOnACycle() {
    Map<String, Item> items = new HashMap<>();
    world.catalog.items().forEach(i -> items.put(i.id, i));
    List<Double> ratios = new ArrayList<>();
    a.purchasesOfProductByUser.forEach((key, times) -> {
      Item item = items.get(key.substring(key.indexOf('|') + 1));
      for (int i = 1; i < times.size() && item.sub.consumable(); i++) {
        ratios.add(Duration.between(times.get(i - 1), times.get(i)).toHours() / 24.0 / item.sub.cycleDays());
      }
    });
    Collections.sort(ratios);

    assertThat(ratios).hasSizeGreaterThan(50);
    assertThat(ratios.get(ratios.size() / 2)).isBetween(0.7, 2.5);
  }

  @Test
  void promotionsBringVisitorsCouponsAndCampaignTraffic() {
    List<ShopCalendar.Promotion> promotions = world.calendar.promotions();
    assertThat(promotions).isNotEmpty();
    double promoDays = 0;
    double promoEvents = 0;
    double otherDays = 0;
    double otherEvents = 0;
    for (Map.Entry<String, Long> day : a.eventsPerDay.entrySet()) {
      long epochDay = LocalDate.parse(day.getKey()).toEpochDay();
      if (epochDay == LocalDate.ofInstant(SETTINGS.start(), ZoneOffset.UTC).toEpochDay()
          || epochDay == LocalDate.ofInstant(SETTINGS.end(), ZoneOffset.UTC).toEpochDay()) {
        continue; // partial days
      }
      if (world.calendar.promotion(epochDay * 86_400_000L) != null) {
        promoDays++;
        promoEvents += day.getValue();
      } else {
        otherDays++;
        otherEvents += day.getValue();
      }
    }
    assertThat(promoEvents / promoDays).isGreaterThan(1.1 * otherEvents / otherDays);
    assertThat(a.count("Coupon Applied")).isGreaterThan(20);
    assertThat(a.campaigns.get("email").keySet()).contains("weekly-newsletter")
        .containsAnyElementsOf(promotions.stream().map(ShopCalendar.Promotion::slug).collect(Collectors.toList()));
    assertThat(a.campaigns.keySet()).contains("cpc", "social", "affiliate", "push");
  }

  @Test
  void itemNeighboursPredictNextPurchasesBetterThanPopularityOnATemporalSplit() {
    NextPurchaseBaselines baselines = new NextPurchaseBaselines(a.interactions, SETTINGS.end().minus(
        Duration.ofDays(45)));

    assertThat(baselines.testUsers()).isGreaterThan(50);
    assertThat(baselines.itemKnnHitRate()).isGreaterThan(1.5 * baselines.popularityHitRate());
  }
}
