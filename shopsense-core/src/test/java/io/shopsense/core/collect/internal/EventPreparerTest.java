package io.shopsense.core.collect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.event.EventType;
import io.shopsense.api.id.SourceId;
import io.shopsense.core.collect.IngestMode;
import io.shopsense.core.collect.IngestRequest;
import io.shopsense.core.collect.IngestSettings;
import io.shopsense.core.collect.RejectReason;
import io.shopsense.core.collect.internal.EventPreparer.Prepared;
import io.shopsense.core.json.JsonCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventPreparerTest {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static final SourceId WEB = SourceId.of("web");

  final EventPreparer preparer = new EventPreparer(IngestSettings.defaults());

  static ObjectNode json(String text) {
    return (ObjectNode) JsonCodec.parse(text.replace('\'', '"'));
  }

  Prepared prepare(String text) {
    return preparer.prepare(json(text), IngestRequest.live(WEB, NOW));
  }

  static JsonNode canonical(Prepared p) {
    return JsonCodec.parse(p.envelope().json());
  }

  @Test
  void acceptsATrackCallAndRecordsServerFields() {
    Prepared p = prepare("{'type':'track','event':'Product Viewed','messageId':'m-1','anonymousId':'a-1',"
        + "'timestamp':'2026-11-20T11:59:00.123Z','properties':{'product_id':'p-9','price':19.9}}");

    assertThat(p.ok()).isTrue();
    EventEnvelope e = p.envelope();
    assertThat(e.messageId().value()).isEqualTo("m-1");
    assertThat(e.type()).isEqualTo(EventType.TRACK);
    assertThat(e.name()).isEqualTo("Product Viewed");
    assertThat(e.anonymousId().value()).isEqualTo("a-1");
    assertThat(e.userId()).isNull();
    assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-11-20T11:59:00.123Z"));
    assertThat(e.receivedAt()).isEqualTo(NOW);
    JsonNode c = canonical(p);
    assertThat(c.get("receivedAt").asText()).isEqualTo("2026-11-20T12:00:00Z");
    assertThat(c.get("source").asText()).isEqualTo("web");
    assertThat(c.at("/properties/price").decimalValue()).isEqualByComparingTo("19.9");
  }

  @Test
  void correctsTheSendersClockSkewWithSentAt() {
    // the device's clock is 2 hours behind: it says it sent at 10:00 what happened at 09:59
    Prepared p = prepare("{'type':'track','event':'Cart Viewed','messageId':'m','userId':'u',"
        + "'timestamp':'2026-11-20T09:59:00Z','sentAt':'2026-11-20T10:00:00Z'}");

    assertThat(p.envelope().timestamp()).isEqualTo(NOW.minusSeconds(60));
    assertThat(canonical(p).get("originalTimestamp").asText()).isEqualTo("2026-11-20T09:59:00Z");
  }

  @Test
  void usesTheBatchSentAtForEventsWithoutTheirOwn() {
    IngestRequest request = new IngestRequest(WEB, NOW, Instant.parse("2026-11-20T11:00:00Z"), null,
        IngestMode.LIVE);
    Prepared p = preparer.prepare(json("{'type':'page','messageId':'m','anonymousId':'a',"
        + "'timestamp':'2026-11-20T10:59:30Z'}"), request);

    assertThat(p.envelope().timestamp()).isEqualTo(NOW.minusSeconds(30));
  }

  @Test
  void takesTheTimeOfArrivalWhenNoTimestampIsSent() {
    Prepared p = prepare("{'type':'identify','userId':'u','traits':{'email':'Ann@Example.com'}}");

    assertThat(p.envelope().timestamp()).isEqualTo(NOW);
  }

  @Test
  void derivesTheSameMessageIdForAnIdenticalRetryWithoutOne() {
    String body = "{'type':'track','event':'Product Added','userId':'u','properties':{'sku':'s-1'},"
        + "'timestamp':'2026-11-20T11:00:00Z'}";
    Prepared first = prepare(body);
    Prepared retry = prepare(body);
    Prepared other = prepare(body.replace("s-1", "s-2"));

    assertThat(first.envelope().messageId()).isEqualTo(retry.envelope().messageId());
    assertThat(first.envelope().messageId()).isNotEqualTo(other.envelope().messageId());
    assertThat(first.envelope().messageId().value()).startsWith("d-");
  }

  @Test
  void takesNumericUserIdsAsTextAndDropsEmptyIds() {
    Prepared p = prepare("{'type':'track','event':'x','messageId':'m','userId':12345,'anonymousId':''}");

    assertThat(p.envelope().userId().value()).isEqualTo("12345");
    assertThat(p.envelope().anonymousId()).isNull();
    assertThat(canonical(p).has("anonymousId")).isFalse();
    assertThat(canonical(p).get("userId").isTextual()).isTrue();
  }

  @Test
  void storesStandardEventsUnderTheirCanonicalNameAndKeepsTheSentOne() {
    Prepared p = prepare("{'type':'track','event':'Product Reviewed','messageId':'m','userId':'u',"
        + "'properties':{'product_id':'p','rating':5}}");

    assertThat(p.envelope().name()).isEqualTo("Review Submitted");
    assertThat(canonical(p).get("originalEvent").asText()).isEqualTo("Product Reviewed");
  }

  @Test
  void mergesTheBatchContextIntoEventsWithoutOverridingTheirOwn() {
    IngestRequest request = new IngestRequest(WEB, NOW, null,
        json("{'locale':'zh-CN','timezone':'Asia/Shanghai'}"), IngestMode.LIVE);
    Prepared p = preparer.prepare(json("{'type':'track','event':'x','messageId':'m','userId':'u',"
        + "'context':{'locale':'en-GB'}}"), request);

    assertThat(canonical(p).at("/context/locale").asText()).isEqualTo("en-GB");
    assertThat(canonical(p).at("/context/timezone").asText()).isEqualTo("Asia/Shanghai");
  }

  @Test
  void keepsEveryFieldTheSenderPutIn() {
    Prepared p = prepare("{'type':'track','event':'Order Completed','messageId':'m','userId':'u',"
        + "'integrations':{'All':false},'custom_top':1,'properties':{'order_id':'o-1','gift_wrap':true,"
        + "'products':[{'product_id':'p','price':1,'quantity':2,'engraving':'A'}]}}");

    JsonNode c = canonical(p);
    assertThat(c.at("/integrations/All").asBoolean()).isFalse();
    assertThat(c.get("custom_top").asInt()).isEqualTo(1);
    assertThat(c.at("/properties/gift_wrap").asBoolean()).isTrue();
    assertThat(c.at("/properties/products/0/engraving").asText()).isEqualTo("A");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no type | {'event':'x','userId':'u'} | unknown_type | type",
      "unknown type | {'type':'purchase','userId':'u'} | unknown_type | type",
      "type not text | {'type':1,'userId':'u'} | unknown_type | type",
      "no identity | {'type':'track','event':'x'} | missing_identity | ''",
      "identity empty | {'type':'track','event':'x','userId':'  '} | missing_identity | ''",
      "no event name | {'type':'track','userId':'u'} | missing_field | event",
      "blank event name | {'type':'track','event':' ','userId':'u'} | missing_field | event",
      "event name not text | {'type':'track','event':{'a':1},'userId':'u'} | invalid_type | event",
      "control chars in name | {'type':'track','event':'Bad\\u0007Name','userId':'u'} | invalid_name | event",
      "user id is an object | {'type':'track','event':'x','userId':{'id':1}} | invalid_type | userId",
      "user id with control chars | {'type':'track','event':'x','userId':'a\\nb'} | invalid_value | userId",
      "properties not an object | {'type':'track','event':'x','userId':'u','properties':[1]} | invalid_type | properties",
      "context not an object | {'type':'track','event':'x','userId':'u','context':'web'} | invalid_type | context",
      "unknown time zone | {'type':'track','event':'x','userId':'u','context':{'timezone':'Mars/Olympus'}} | invalid_value | context.timezone",
      "timestamp not ISO | {'type':'track','event':'x','userId':'u','timestamp':'20/11/2026'} | invalid_timestamp | timestamp",
      "timestamp without offset | {'type':'track','event':'x','userId':'u','timestamp':'2026-11-20T10:00:00'} | invalid_timestamp | timestamp",
      "timestamp a number | {'type':'track','event':'x','userId':'u','timestamp':1700000000} | invalid_timestamp | timestamp",
      "in the future | {'type':'track','event':'x','userId':'u','timestamp':'2026-11-21T12:00:00Z'} | timestamp_in_future | timestamp",
      "too old | {'type':'track','event':'x','userId':'u','timestamp':'2020-01-01T00:00:00Z'} | timestamp_too_old | timestamp",
      "alias without previous id | {'type':'alias','userId':'u'} | missing_field | previousId",
      "alias without user id | {'type':'alias','previousId':'a','anonymousId':'a'} | missing_identity | userId",
      "bad email | {'type':'identify','userId':'u','traits':{'email':'not-an-email'}} | invalid_value | traits.email",
      "traits not an object | {'type':'identify','userId':'u','traits':'vip'} | invalid_type | traits",
      "product without id | {'type':'track','event':'Product Viewed','userId':'u','properties':{'name':'Tent'}} | missing_field | properties.product_id",
      "price as text | {'type':'track','event':'Product Added','userId':'u','properties':{'product_id':'p','price':'cheap'}} | invalid_type | properties.price",
      "negative price | {'type':'track','event':'Product Added','userId':'u','properties':{'product_id':'p','price':-1}} | invalid_value | properties.price",
      "quantity as text | {'type':'track','event':'Product Added','userId':'u','properties':{'product_id':'p','quantity':'two'}} | invalid_type | properties.quantity",
      "zero quantity | {'type':'track','event':'Product Added','userId':'u','properties':{'product_id':'p','quantity':0}} | invalid_value | properties.quantity",
      "fractional quantity | {'type':'track','event':'Product Added','userId':'u','properties':{'product_id':'p','quantity':1.5}} | invalid_type | properties.quantity",
      "order without id | {'type':'track','event':'Order Completed','userId':'u','properties':{'revenue':10}} | missing_field | properties.order_id",
      "products not a list | {'type':'track','event':'Order Completed','userId':'u','properties':{'order_id':'o','products':{}}} | invalid_type | properties.products",
      "bad line | {'type':'track','event':'Order Completed','userId':'u','properties':{'order_id':'o','products':[{'product_id':'p','price':1},{'price':2}]}} | missing_field | properties.products[1].product_id",
      "negative revenue | {'type':'track','event':'Order Completed','userId':'u','properties':{'order_id':'o','revenue':-5}} | invalid_value | properties.revenue",
      "bad currency | {'type':'track','event':'Order Completed','userId':'u','properties':{'order_id':'o','currency':'euro'}} | invalid_value | properties.currency",
      "search without query | {'type':'track','event':'Product Searched','userId':'u'} | missing_field | properties.query",
      "review without product | {'type':'track','event':'Review Submitted','userId':'u','properties':{'rating':4}} | missing_field | properties.product_id",
  })
  void rejectsWithAReasonAndThePathOfTheField(String name, String event, String reason, String path) {
    Prepared p = prepare(event);

    assertThat(p.ok()).as(name).isFalse();
    assertThat(p.violations().get(0).reason().code()).as(name).isEqualTo(reason);
    assertThat(p.violations().get(0).path()).as(name).isEqualTo(path);
  }

  @Test
  void rejectsAnEventThatIsNotAnObject() {
    Prepared p = preparer.prepare(JsonCodec.parse("\"just text\""), IngestRequest.live(WEB, NOW));

    assertThat(p.violations()).extracting(v -> v.reason()).containsExactly(RejectReason.NOT_AN_OBJECT);
  }

  @Test
  void rejectsAnEventLargerThanTheLimit() {
    EventPreparer small = new EventPreparer(new IngestSettings(1_000, 10_000, 10, 200, 200, Duration.ofMinutes(10),
        Duration.ofDays(30), Instant.EPOCH, Duration.ofHours(1), false, Set.of()));
    Prepared p = small.prepare(json("{'type':'track','event':'x','userId':'u','properties':{'blob':'"
        + "y".repeat(2_000) + "'}}"), IngestRequest.live(WEB, NOW));

    assertThat(p.violations().get(0).reason()).isEqualTo(RejectReason.TOO_LARGE);
  }

  @Test
  void rejectsIdsLongerThanTheLimit() {
    Prepared p = prepare("{'type':'track','event':'x','userId':'" + "u".repeat(201) + "'}");

    assertThat(p.violations().get(0).reason()).isEqualTo(RejectReason.INVALID_VALUE);
    assertThat(p.violations().get(0).path()).isEqualTo("userId");
  }

  @Test
  void rejectsUnknownEventNamesOnlyWhenConfiguredTo() {
    EventPreparer strict = new EventPreparer(new IngestSettings(256_000, 1_000_000, 100, 200, 200,
        Duration.ofMinutes(10), Duration.ofDays(30), Instant.EPOCH, Duration.ofHours(1), true, Set.of("Wish Made")));
    String custom = "{'type':'track','event':'Spun Wheel','userId':'u'}";

    assertThat(prepare(custom).ok()).isTrue();
    assertThat(strict.prepare(json(custom), IngestRequest.live(WEB, NOW)).violations().get(0).reason())
        .isEqualTo(RejectReason.UNKNOWN_EVENT);
    assertThat(strict.prepare(json("{'type':'track','event':'Wish Made','userId':'u'}"),
        IngestRequest.live(WEB, NOW)).ok()).isTrue();
    assertThat(strict.prepare(json("{'type':'track','event':'Cart Viewed','userId':'u'}"),
        IngestRequest.live(WEB, NOW)).ok()).isTrue();
  }

  @Test
  void acceptsOldEventsFromAnImportOfHistoryButNotBeforeTheFloor() {
    String old = "{'type':'track','event':'Order Completed','userId':'17850','timestamp':'2010-12-01T08:26:00Z',"
        + "'properties':{'order_id':'536365'}}";

    assertThat(prepare(old).ok()).isFalse();
    assertThat(preparer.prepare(json(old), IngestRequest.historical(WEB, NOW)).ok()).isTrue();
    assertThat(preparer.prepare(json(old.replace("2010", "1980")), IngestRequest.historical(WEB, NOW))
        .violations().get(0).reason()).isEqualTo(RejectReason.TIMESTAMP_TOO_OLD);
  }

  @Test
  void reportsTheGivenMessageIdOfARejectedEvent() {
    Prepared p = prepare("{'type':'track','messageId':'m-7','userId':'u'}");

    assertThat(p.messageId()).isEqualTo("m-7");
  }

  @Test
  void neverEchoesFieldValuesInMessages() {
    Prepared p = prepare("{'type':'identify','userId':'secret-user','traits':{'email':'secret@@x'}}");

    assertThat(p.violations()).allSatisfy(v -> assertThat(v.toString()).doesNotContain("secret"));
  }

  @Test
  void recognisesEmailAddresses() {
    assertThat(EventPreparer.looksLikeEmail("ann@example.com")).isTrue();
    assertThat(EventPreparer.looksLikeEmail("ann@@example.com")).isFalse();
    assertThat(EventPreparer.looksLikeEmail("ann@example")).isFalse();
    assertThat(EventPreparer.looksLikeEmail("ann example@x.com")).isFalse();
    assertThat(EventPreparer.looksLikeEmail("@example.com")).isFalse();
  }
}
