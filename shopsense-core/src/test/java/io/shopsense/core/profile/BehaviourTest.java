package io.shopsense.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.event.Event;
import io.shopsense.api.id.SourceId;
import io.shopsense.core.collect.EventDecoder;
import io.shopsense.core.collect.IngestRequest;
import io.shopsense.core.collect.IngestSettings;
import io.shopsense.core.collect.internal.EventPreparer;
import io.shopsense.core.json.JsonCodec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class BehaviourTest {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static final EventPreparer PREPARER = new EventPreparer(IngestSettings.defaults());

  /** An event through the real validation path, decoded as every consumer sees it. */
  static Event event(String json) {
    var prepared = PREPARER.prepare(JsonCodec.parse(json.replace('\'', '"')),
        IngestRequest.historical(SourceId.of("test"), NOW));
    assertThat(prepared.ok()).as(json + " " + prepared.violations()).isTrue();
    return EventDecoder.decode(prepared.envelope());
  }

  @Test
  void summarisesAShopper() {
    Behaviour b = new Behaviour();
    b.add(event("{'type':'track','event':'Product Viewed','messageId':'1','userId':'u','timestamp':"
        + "'2026-11-02T09:15:00+08:00','context':{'timezone':'Asia/Shanghai','sessionId':'s1',"
        + "'device':{'type':'mobile'},'channel':'web'},'properties':{'product_id':'p1','category':'Outdoor',"
        + "'brand':'Acme','price':10}}"));
    b.add(event("{'type':'track','event':'Products Searched','messageId':'2','userId':'u','timestamp':"
        + "'2026-11-02T01:20:00Z','context':{'timezone':'Asia/Shanghai','sessionId':'s1'},"
        + "'properties':{'query':'tent'}}"));
    b.add(event("{'type':'track','event':'Order Completed','messageId':'3','userId':'u','timestamp':"
        + "'2026-11-02T02:00:00Z','context':{'timezone':'Asia/Shanghai','sessionId':'s1'},'properties':{"
        + "'order_id':'o1','revenue':30,'coupon':'SAVE5','products':[{'product_id':'p1','category':'Outdoor',"
        + "'brand':'Acme','price':10,'quantity':3}]}}"));
    b.add(event("{'type':'track','event':'Order Completed','messageId':'4','userId':'u','timestamp':"
        + "'2026-11-12T02:00:00Z','context':{'sessionId':'s2'},'properties':{'order_id':'o2',"
        + "'products':[{'product_id':'p2','category':'Kitchen','price':5,'quantity':2}]}}"));
    b.add(event("{'type':'track','event':'Order Refunded','messageId':'5','userId':'u','timestamp':"
        + "'2026-11-13T02:00:00Z','properties':{'order_id':'o2','total':10}}"));

    BehaviourView v = b.view();

    assertThat(v.events()).isEqualTo(5);
    assertThat(v.firstSeen()).isEqualTo(Instant.parse("2026-11-02T01:15:00Z"));
    assertThat(v.lastSeen()).isEqualTo(Instant.parse("2026-11-13T02:00:00Z"));
    assertThat(v.sessions()).isEqualTo(2);
    assertThat(v.activeDays()).isEqualTo(3);
    assertThat(v.views()).isEqualTo(1);
    assertThat(v.searches()).isEqualTo(1);
    assertThat(v.orders()).isEqualTo(2);
    assertThat(v.units()).isEqualTo(5);
    assertThat(v.revenue()).isEqualByComparingTo("40");
    assertThat(v.refunded()).isEqualByComparingTo("10");
    assertThat(v.netRevenue()).isEqualByComparingTo("30");
    assertThat(v.averageOrderValue()).isEqualTo(20.0);
    assertThat(v.daysBetweenOrders()).isEqualTo(10.0);
    assertThat(v.lastOrder()).isEqualTo(Instant.parse("2026-11-12T02:00:00Z"));
    assertThat(v.discountShare()).isEqualTo(0.5);
    assertThat(v.favouriteCategories()).containsExactly("Outdoor", "Kitchen");
    assertThat(v.favouriteBrands()).containsExactly("Acme");
    assertThat(v.activeHours()).as("local hours: 9, 9 and 10 in Shanghai; 2 and 2 in UTC").containsExactly(2, 9, 10);
    assertThat(v.activeWeekdays()).as("three on Monday 2 November, then Thursday and Friday").containsExactly(1, 4);
    assertThat(v.devices()).containsEntry("mobile", 1L);
    assertThat(v.channels()).containsEntry("web", 1L);
  }

  @Test
  void aPersonWithoutOrdersHasNoOrderFigures() {
    BehaviourView v = new Behaviour().add(event("{'type':'page','name':'Home','messageId':'1','anonymousId':'a',"
        + "'timestamp':'2026-11-02T09:15:00Z'}")).view();

    assertThat(v.orders()).isZero();
    assertThat(v.averageOrderValue()).isNull();
    assertThat(v.daysBetweenOrders()).isNull();
    assertThat(v.discountShare()).isNull();
    assertThat(v.revenue()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  /**
   * Real time and batch agree: random streams (late and out-of-order events included) folded in arrival order, in
   * time order, and as random partitions folded separately and merged in random order, give one summary.
   */
  @RepeatedTest(30)
  void anyOrderAndAnyGroupingGiveTheSameSummary(RepetitionInfo repetition) {
    Random random = new Random(repetition.getCurrentRepetition());
    List<Event> events = randomEvents(random, 20 + random.nextInt(200));

    Behaviour arrival = new Behaviour();
    events.forEach(arrival::add);
    List<Event> byTime = new ArrayList<>(events);
    byTime.sort((a, b) -> a.meta().timestamp().compareTo(b.meta().timestamp()));
    Behaviour batch = new Behaviour();
    byTime.forEach(batch::add);
    int parts = 1 + random.nextInt(6);
    List<Behaviour> partials = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      partials.add(new Behaviour());
    }
    for (Event e : events) {
      partials.get(random.nextInt(parts)).add(e);
    }
    Collections.shuffle(partials, random);
    Behaviour merged = new Behaviour();
    partials.forEach(merged::merge);

    assertThat(batch).isEqualTo(arrival);
    assertThat(merged).isEqualTo(arrival);
    assertThat(merged.view()).isEqualTo(arrival.view());
  }

  static List<Event> randomEvents(Random random, int n) {
    String[] zones = {"UTC", "Asia/Shanghai", "America/New_York", "Europe/Berlin"};
    String[] categories = {"Outdoor", "Kitchen", "Books", "Toys"};
    String[] brands = {"Acme", "Zenith", "Orbit"};
    String[] devices = {"mobile", "desktop", "tablet"};
    Instant start = NOW.minus(Duration.ofDays(90));
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // mostly in order, one in ten late by up to a week
      Instant at = start.plusSeconds((long) i * 3_600 * 8 + random.nextInt(3_600))
          .minus(random.nextInt(10) == 0 ? Duration.ofMinutes(random.nextInt(10_080)) : Duration.ZERO);
      String context = String.format(Locale.ROOT, "'context':{'timezone':'%s','sessionId':'s%d','device':"
              + "{'type':'%s'},'channel':'%s'}", zones[random.nextInt(zones.length)], i / 5,
          devices[random.nextInt(devices.length)], random.nextBoolean() ? "web" : "app");
      String head = String.format(Locale.ROOT, "'messageId':'m%d','userId':'u','timestamp':'%s',%s", i, at,
          context);
      String line = String.format(Locale.ROOT, "'product_id':'p%d','category':'%s','brand':'%s','price':%d.%02d,"
              + "'quantity':%d", random.nextInt(50), categories[random.nextInt(categories.length)],
          brands[random.nextInt(brands.length)], 1 + random.nextInt(99), random.nextInt(100), 1 + random.nextInt(4));
      String json = switch (random.nextInt(6)) {
        case 0 -> "{'type':'track','event':'Product Viewed'," + head + ",'properties':{" + line + "}}";
        case 1 -> "{'type':'track','event':'Product Added'," + head + ",'properties':{" + line + "}}";
        case 2 -> "{'type':'track','event':'Products Searched'," + head + ",'properties':{'query':'q'}}";
        case 3 -> "{'type':'track','event':'Order Completed'," + head + ",'properties':{'order_id':'o" + i + "',"
            + (random.nextBoolean() ? "'discount':2," : "") + "'products':[{" + line + "}]}}";
        case 4 -> "{'type':'track','event':'Order Refunded'," + head + ",'properties':{'order_id':'o" + i
            + "','total':" + random.nextInt(50) + "}}";
        default -> "{'type':'page','name':'Home'," + head + "}";
      };
      out.add(event(json));
    }
    return out;
  }
}
