package io.shopsense.core.profile;

import io.shopsense.api.event.Context;
import io.shopsense.api.event.Event;
import io.shopsense.api.event.LineItem;
import io.shopsense.api.event.OrderCompleted;
import io.shopsense.api.event.OrderDetails;
import io.shopsense.api.event.OrderRefunded;
import io.shopsense.api.event.ProductAdded;
import io.shopsense.api.event.ProductSearched;
import io.shopsense.api.event.ProductViewed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The behaviour half of a profile as a fold over a person's events: {@link #add} takes one event, {@link #merge}
 * takes another person's (or another partition's) summary. Every field is a count, a sum, a minimum, a maximum, a set
 * or a histogram, so the summary is a commutative monoid: the same events give the same summary in any order and in
 * any grouping. That is what lets one function serve the real-time update (events as they arrive, late and out of
 * order included), the local batch rebuild and a Spark aggregation (partial summaries merged), with equal results.
 *
 * <p>What needs an order — days between orders, the last order — is kept as a sorted multiset of order times and
 * derived when read ({@link #view}). Hours and weekdays are counted in the event's own time zone (its context's, else
 * UTC). Money is summed as sent, without currency conversion. Not thread-safe.
 */
public final class Behaviour {
  private Instant firstSeen;
  private Instant lastSeen;
  private long events;
  private long views;
  private long searches;
  private long cartAdds;
  private long orders;
  private long discountedOrders;
  private long units;
  private long refunds;
  private BigDecimal revenue = BigDecimal.ZERO;
  private BigDecimal refunded = BigDecimal.ZERO;
  private final TreeSet<Long> activeDays = new TreeSet<>();
  private final TreeSet<String> sessions = new TreeSet<>();
  private final TreeMap<Instant, Integer> orderTimes = new TreeMap<>();
  private final long[] hours = new long[24];
  private final long[] weekdays = new long[7];
  private final TreeMap<String, Long> categories = new TreeMap<>();
  private final TreeMap<String, Long> brands = new TreeMap<>();
  private final TreeMap<String, Long> devices = new TreeMap<>();
  private final TreeMap<String, Long> channels = new TreeMap<>();

  /** Folds one event in. */
  public Behaviour add(Event event) {
    Instant at = event.meta().timestamp();
    firstSeen = firstSeen == null || at.isBefore(firstSeen) ? at : firstSeen;
    lastSeen = lastSeen == null || at.isAfter(lastSeen) ? at : lastSeen;
    events++;
    Context ctx = event.meta().context();
    ZoneId zone = ctx.timezone() != null ? ctx.timezone() : ZoneOffset.UTC;
    ZonedDateTime local = at.atZone(zone);
    activeDays.add(local.toLocalDate().toEpochDay());
    hours[local.getHour()]++;
    weekdays[local.getDayOfWeek().getValue() - 1]++;
    if (ctx.sessionId() != null) {
      sessions.add(ctx.sessionId());
    }
    if (ctx.device() != null && ctx.device().type() != null) {
      devices.merge(ctx.device().type(), 1L, Long::sum);
    }
    if (ctx.channel() != null) {
      channels.merge(ctx.channel(), 1L, Long::sum);
    }
    if (event instanceof ProductViewed v) {
      views++;
      interest(v.product());
    } else if (event instanceof ProductSearched) {
      searches++;
    } else if (event instanceof ProductAdded a) {
      cartAdds++;
      interest(a.product());
    } else if (event instanceof OrderCompleted o) {
      order(o.order(), at);
    } else if (event instanceof OrderRefunded r) {
      refunds++;
      refunded = refunded.add(amount(r.order()));
    }
    return this;
  }

  /** Folds another summary in, as if its events had been added here. */
  public Behaviour merge(Behaviour o) {
    if (o.events == 0) {
      return this;
    }
    firstSeen = firstSeen == null || o.firstSeen.isBefore(firstSeen) ? o.firstSeen : firstSeen;
    lastSeen = lastSeen == null || o.lastSeen.isAfter(lastSeen) ? o.lastSeen : lastSeen;
    events += o.events;
    views += o.views;
    searches += o.searches;
    cartAdds += o.cartAdds;
    orders += o.orders;
    discountedOrders += o.discountedOrders;
    units += o.units;
    refunds += o.refunds;
    revenue = revenue.add(o.revenue);
    refunded = refunded.add(o.refunded);
    activeDays.addAll(o.activeDays);
    sessions.addAll(o.sessions);
    o.orderTimes.forEach((t, n) -> orderTimes.merge(t, n, Integer::sum));
    for (int i = 0; i < hours.length; i++) {
      hours[i] += o.hours[i];
    }
    for (int i = 0; i < weekdays.length; i++) {
      weekdays[i] += o.weekdays[i];
    }
    add(categories, o.categories);
    add(brands, o.brands);
    add(devices, o.devices);
    add(channels, o.channels);
    return this;
  }

  /** The order times, each with the number of orders at that instant, ascending. */
  public java.util.NavigableMap<Instant, Integer> orderTimes() {
    return java.util.Collections.unmodifiableNavigableMap(orderTimes);
  }

  /** What the summary says, derived. */
  public BehaviourView view() {
    BigDecimal net = revenue.subtract(refunded);
    Double averageOrder = orders == 0 ? null : revenue.doubleValue() / orders;
    Double daysBetween = null;
    if (orders > 1) {
      double spanDays = (orderTimes.lastKey().toEpochMilli() - orderTimes.firstKey().toEpochMilli()) / 86_400_000d;
      daysBetween = spanDays / (orders - 1);
    }
    return new BehaviourView(firstSeen, lastSeen, events, sessions.size(), activeDays.size(), views, searches,
        cartAdds, orders, units, revenue, refunds, refunded, net, averageOrder, daysBetween,
        orderTimes.isEmpty() ? null : orderTimes.lastKey(),
        orders == 0 ? null : (double) discountedOrders / orders, Ranking.top(categories, 3), Ranking.top(brands, 3),
        Ranking.topIndexes(hours, 3), Ranking.topIndexes(weekdays, 2, 1), Map.copyOf(devices), Map.copyOf(channels));
  }

  private void order(OrderDetails order, Instant at) {
    orders++;
    orderTimes.merge(at, 1, Integer::sum);
    revenue = revenue.add(amount(order));
    if ((order.discount() != null && order.discount().signum() > 0) || order.coupon() != null) {
      discountedOrders++;
    }
    for (LineItem line : order.products()) {
      units += Math.max(0, line.quantity());
      interest(line);
    }
  }

  private void interest(LineItem item) {
    if (item == null) {
      return;
    }
    if (item.category() != null && !item.category().isBlank()) {
      categories.merge(item.category(), 1L, Long::sum);
    }
    if (item.brand() != null && !item.brand().isBlank()) {
      brands.merge(item.brand(), 1L, Long::sum);
    }
  }

  /** An order's amount: its revenue, else its total, else the sum of its lines. */
  static BigDecimal amount(OrderDetails order) {
    if (order.revenue() != null) {
      return order.revenue();
    }
    if (order.total() != null) {
      return order.total();
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (LineItem line : order.products()) {
      if (line.price() != null) {
        sum = sum.add(line.price().multiply(BigDecimal.valueOf(line.quantity())));
      }
    }
    return sum;
  }

  private static void add(Map<String, Long> into, Map<String, Long> from) {
    from.forEach((k, v) -> into.merge(k, v, Long::sum));
  }

  /** The summary as JSON, every field exactly (instants as epoch nanoseconds). */
  JsonNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    if (events == 0) {
      return o;
    }
    o.put("first", nanos(firstSeen)).put("last", nanos(lastSeen)).put("events", events).put("views", views)
        .put("searches", searches).put("carts", cartAdds).put("orders", orders).put("discounted", discountedOrders)
        .put("units", units).put("refunds", refunds).put("revenue", revenue.toPlainString())
        .put("refunded", refunded.toPlainString());
    ArrayNode days = o.putArray("days");
    activeDays.forEach(days::add);
    ArrayNode sess = o.putArray("sessions");
    sessions.forEach(sess::add);
    ArrayNode times = o.putArray("orderTimes");
    orderTimes.forEach((t, n) -> times.add(nanos(t)).add(n));
    ArrayNode h = o.putArray("hours");
    for (long v : hours) {
      h.add(v);
    }
    ArrayNode w = o.putArray("weekdays");
    for (long v : weekdays) {
      w.add(v);
    }
    counts(o.putObject("categories"), categories);
    counts(o.putObject("brands"), brands);
    counts(o.putObject("devices"), devices);
    counts(o.putObject("channels"), channels);
    return o;
  }

  static Behaviour fromJson(JsonNode o) {
    Behaviour b = new Behaviour();
    if (!o.has("events")) {
      return b;
    }
    b.firstSeen = instant(o.get("first").asLong());
    b.lastSeen = instant(o.get("last").asLong());
    b.events = o.get("events").asLong();
    b.views = o.get("views").asLong();
    b.searches = o.get("searches").asLong();
    b.cartAdds = o.get("carts").asLong();
    b.orders = o.get("orders").asLong();
    b.discountedOrders = o.get("discounted").asLong();
    b.units = o.get("units").asLong();
    b.refunds = o.get("refunds").asLong();
    b.revenue = new BigDecimal(o.get("revenue").asText());
    b.refunded = new BigDecimal(o.get("refunded").asText());
    o.get("days").forEach(d -> b.activeDays.add(d.asLong()));
    o.get("sessions").forEach(d -> b.sessions.add(d.asText()));
    JsonNode times = o.get("orderTimes");
    for (int i = 0; i + 1 < times.size(); i += 2) {
      b.orderTimes.put(instant(times.get(i).asLong()), times.get(i + 1).asInt());
    }
    for (int i = 0; i < b.hours.length; i++) {
      b.hours[i] = o.get("hours").get(i).asLong();
    }
    for (int i = 0; i < b.weekdays.length; i++) {
      b.weekdays[i] = o.get("weekdays").get(i).asLong();
    }
    readCounts(o.get("categories"), b.categories);
    readCounts(o.get("brands"), b.brands);
    readCounts(o.get("devices"), b.devices);
    readCounts(o.get("channels"), b.channels);
    return b;
  }

  static long nanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  private static void counts(ObjectNode into, Map<String, Long> from) {
    from.forEach(into::put);
  }

  private static void readCounts(JsonNode from, Map<String, Long> into) {
    for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      into.put(e.getKey(), e.getValue().asLong());
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Behaviour b && events == b.events && views == b.views && searches == b.searches
        && cartAdds == b.cartAdds && orders == b.orders && discountedOrders == b.discountedOrders
        && units == b.units && refunds == b.refunds && Objects.equals(firstSeen, b.firstSeen)
        && Objects.equals(lastSeen, b.lastSeen) && revenue.compareTo(b.revenue) == 0
        && refunded.compareTo(b.refunded) == 0 && activeDays.equals(b.activeDays) && sessions.equals(b.sessions)
        && orderTimes.equals(b.orderTimes) && java.util.Arrays.equals(hours, b.hours)
        && java.util.Arrays.equals(weekdays, b.weekdays) && categories.equals(b.categories)
        && brands.equals(b.brands) && devices.equals(b.devices) && channels.equals(b.channels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(events, firstSeen, lastSeen, orders, revenue.stripTrailingZeros());
  }

  @Override
  public String toString() {
    return view().toString();
  }
}
