package io.shopsense.lake;

import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.id.SourceId;
import io.shopsense.core.collect.IngestRequest;
import io.shopsense.core.collect.IngestSettings;
import io.shopsense.core.collect.internal.EventPreparer;
import io.shopsense.core.json.JsonCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Events as the ingest path stores them: JSON run through the real {@link EventPreparer} (historical mode, so the
 * timestamp is kept as sent) and numbered with increasing sequence numbers from 1.
 */
final class TestEvents {
  private final EventPreparer preparer = new EventPreparer(IngestSettings.defaults());
  private long seq;

  /** An event from JSON written with single quotes; received an hour after it happened. */
  StoredEvent event(String json, Instant timestamp) {
    String withTime = json.replace('\'', '"').replaceFirst("\\{", "{\"timestamp\":\"" + timestamp + "\",");
    EventPreparer.Prepared p = preparer.prepare(JsonCodec.parse(withTime),
        IngestRequest.historical(SourceId.of("test"), timestamp.plus(Duration.ofHours(1))));
    if (!p.ok()) {
      throw new IllegalArgumentException("test event refused: " + p.violations());
    }
    return new StoredEvent(++seq, p.envelope());
  }

  StoredEvent productViewed(String user, String product, Instant at) {
    return event("{'type':'track','event':'Product Viewed','messageId':'m" + (seq + 1) + "','userId':'" + user
        + "','properties':{'product_id':'" + product + "','price':9.5,'currency':'EUR'}}", at);
  }

  StoredEvent page(String anonymous, Instant at) {
    return event("{'type':'page','name':'Home','messageId':'m" + (seq + 1) + "','anonymousId':'" + anonymous
        + "','context':{'page':{'url':'https://shop.example/?q=1','path':'/','referrer':'https://search.example/'},"
        + "'campaign':{'name':'spring','source':'news','medium':'email'},'device':{'type':'mobile'},"
        + "'locale':'zh-CN','timezone':'Asia/Shanghai','channel':'browser','sessionId':'s1',"
        + "'location':{'country':'CN'}}}", at);
  }

  StoredEvent order(String user, String orderId, Instant at) {
    return event("{'type':'track','event':'Order Completed','messageId':'m" + (seq + 1) + "','userId':'" + user
        + "','properties':{'order_id':'" + orderId + "','revenue':30.25,'total':35.5,'discount':2,"
        + "'currency':'CNY','coupon':'SPRING','products':["
        + "{'product_id':'p1','sku':'S1','name':'Tea','category':'Drinks/Tea','brand':'B','price':10.125,'quantity':2},"
        + "{'product_id':'p2','price':10,'quantity':1,'coupon':'C2'}]}}", at);
  }

  StoredEvent identify(String user, Instant at) {
    return event("{'type':'identify','messageId':'m" + (seq + 1) + "','userId':'" + user
        + "','traits':{'email':'someone@example.com','plan':'gold'}}", at);
  }

  /** {@code n} product views, {@code step} apart from {@code start}, by a handful of users. */
  List<StoredEvent> views(int n, Instant start, Duration step) {
    List<StoredEvent> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      events.add(productViewed("u" + (i % 7), "p" + (i % 13), start.plus(step.multipliedBy(i))));
    }
    return events;
  }

  /** The next sequence number this fixture hands out. */
  long nextSeq() {
    return seq + 1;
  }
}
