package io.shopsense.core.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A person's behaviour as read from a {@link Behaviour} summary.
 *
 * @param firstSeen             the earliest event's time
 * @param lastSeen              the latest event's time
 * @param events                events of any kind
 * @param sessions              distinct session ids sent in the events' context
 * @param activeDays            distinct days with an event, in the event's time zone
 * @param views                 products viewed
 * @param searches              searches
 * @param cartAdds              products added to a cart
 * @param orders                orders completed
 * @param units                 units ordered
 * @param revenue               the orders' revenue (else total, else sum of lines), as sent, no currency conversion
 * @param refunds               refunds
 * @param refunded              the refunds' amount
 * @param netRevenue            revenue less refunded
 * @param averageOrderValue     revenue per order, or null without orders
 * @param daysBetweenOrders     the mean gap between orders in days, or null with fewer than two
 * @param lastOrder             the latest order's time, or null
 * @param discountShare         the share of orders with a discount or coupon (price sensitivity), or null
 * @param favouriteCategories   up to three categories, most viewed, carted and bought first
 * @param favouriteBrands       up to three brands, likewise
 * @param activeHours           up to three hours of the day (0–23, local time) with the most events
 * @param activeWeekdays        up to two ISO weekdays (1 = Monday) with the most events
 * @param devices               events per device type
 * @param channels              events per channel
 */
public record BehaviourView(
    Instant firstSeen,
    Instant lastSeen,
    long events,
    int sessions,
    int activeDays,
    long views,
    long searches,
    long cartAdds,
    long orders,
    long units,
    BigDecimal revenue,
    long refunds,
    BigDecimal refunded,
    BigDecimal netRevenue,
    Double averageOrderValue,
    Double daysBetweenOrders,
    Instant lastOrder,
    Double discountShare,
    List<String> favouriteCategories,
    List<String> favouriteBrands,
    List<Integer> activeHours,
    List<Integer> activeWeekdays,
    Map<String, Long> devices,
    Map<String, Long> channels) {}
