package io.shopsense.api.profile;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The derived fields of a profile that stores index, filter and count on (lists, the RFM grid, the lifecycle
 * distribution, fitting the RFM model and the lifecycle windows without reading every fold state).
 *
 * @param lifecycleStage    the stage's key ({@code potential}, {@code new}, {@code active}, {@code silent},
 *                          {@code churned})
 * @param stageSince        when the person entered that stage
 * @param recency           the RFM recency score 1–5, null without orders
 * @param frequency         the RFM frequency score 1–5, null without orders
 * @param monetary          the RFM monetary score 1–5, null without orders
 * @param rfmSegment        the named RFM segment's key, null without orders
 * @param events            events folded in
 * @param orders            orders completed
 * @param netRevenue        revenue less refunds, without trailing zeros
 * @param firstSeen         the earliest event's time
 * @param lastSeen          the latest event's time
 * @param lastOrder         the latest order's time, null without orders
 * @param daysBetweenOrders the mean gap between orders in days, null with fewer than two orders
 */
public record ProfileFacts(
    String lifecycleStage,
    Instant stageSince,
    Integer recency,
    Integer frequency,
    Integer monetary,
    String rfmSegment,
    long events,
    long orders,
    BigDecimal netRevenue,
    Instant firstSeen,
    Instant lastSeen,
    Instant lastOrder,
    Double daysBetweenOrders) {

  public ProfileFacts {
    if (lifecycleStage == null || stageSince == null || netRevenue == null || firstSeen == null
        || lastSeen == null) {
      throw new IllegalArgumentException("lifecycleStage, stageSince, netRevenue, firstSeen and lastSeen are required");
    }
    // one scale for one amount, whatever a store or a sum made of it: 172.2, not 172.20
    netRevenue = netRevenue.stripTrailingZeros();
    if (netRevenue.scale() < 0) {
      netRevenue = netRevenue.setScale(0);
    }
  }
}
