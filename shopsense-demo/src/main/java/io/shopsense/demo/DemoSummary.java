package io.shopsense.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a demo shop generated, counted while generating.
 *
 * @param events        all events
 * @param byName        events per name: a track call under the canonical event name the event log stores ("Products
 *                      Searched" is counted as "Product Searched"), other calls under their type ("page", "screen",
 *                      "identify", "alias")
 * @param people        people with at least one event (known customers and anonymous visitors)
 * @param customers     distinct user ids in the events
 * @param buyers        customers with at least one completed order
 * @param repeatBuyers  customers with two or more completed orders
 * @param products      products in the catalog
 * @param orders        completed orders
 * @param cancellations cancelled orders
 * @param refunds       refunds (of a whole order or of one line)
 * @param revenue       the sum of the completed orders' {@code revenue} (before refunds and cancellations)
 * @param refunded      the sum of the refunds' {@code revenue}
 * @param currency      the currency of the amounts
 * @param first         the first event's timestamp, or null without events
 * @param last          the last event's timestamp, or null without events
 */
public record DemoSummary(long events, SortedMap<String, Long> byName, int people, int customers, int buyers,
    int repeatBuyers, int products, long orders, long cancellations, long refunds, BigDecimal revenue,
    BigDecimal refunded, String currency, Instant first, Instant last) {

  public DemoSummary {
    byName = Collections.unmodifiableSortedMap(new TreeMap<>(byName));
  }

  /** The number of events with this name (see {@link #byName}), 0 when there are none. */
  public long count(String name) {
    return byName.getOrDefault(name, 0L);
  }
}
