package io.shopsense.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.api.event.StandardEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One pass over a demo shop's events that keeps the compact facts the realism tests check: funnel counts, views per
 * product, orders and what followed them, who is linked to which anonymous id and when, habitual hours, interests.
 */
final class ShopAnalysis {
  record OrderFact(String id, String userId, Instant at, List<String> products, JsonNode properties) {}

  record FollowUp(String orderId, Instant at, List<String> products) {}

  /** A known customer's view or purchase of a product. */
  record Interaction(String userId, String productId, Instant at, boolean purchase) {}

  final Map<String, Long> byName = new TreeMap<>();
  final Map<String, Integer> views = new HashMap<>();
  final Map<String, OrderFact> orders = new HashMap<>();
  final Map<String, List<Instant>> ordersByUser = new HashMap<>();
  final List<FollowUp> refunds = new ArrayList<>();
  final List<FollowUp> cancellations = new ArrayList<>();
  final List<FollowUp> reviews = new ArrayList<>();
  final Map<String, List<Instant>> purchasesOfProductByUser = new HashMap<>();
  final Map<String, Set<String>> anonymousIdsOfUser = new HashMap<>();
  final Map<String, int[]> sessionHoursOfUser = new HashMap<>();
  final Map<String, Map<String, Integer>> topCategoryViewsOfUser = new HashMap<>();
  final Map<String, Map<String, Integer>> campaigns = new TreeMap<>();
  final Map<String, Long> eventsPerDay = new HashMap<>();
  final List<Interaction> interactions = new ArrayList<>();
  /** The time each (user id, anonymous id) pair was first tied together by an identify or alias call. */
  private final Map<String, Instant> linkedAt = new HashMap<>();
  /** Anonymous ids seen on events without a user id, with the time first seen. */
  private final Map<String, Instant> anonymousOnly = new HashMap<>();
  private final Set<String> sessions = new HashSet<>();
  long events;
  long outOfOrder;
  long unlinkedIdentifiedEvents;
  long aliases;
  Instant first;
  Instant last;

  void accept(ObjectNode e) {
    events++;
    OffsetDateTime local = OffsetDateTime.parse(e.get("timestamp").asText());
    Instant at = local.toInstant();
    if (last != null && at.isBefore(last)) {
      outOfOrder++;
    }
    if (first == null) {
      first = at;
    }
    last = at;
    eventsPerDay.merge(at.toString().substring(0, 10), 1L, Long::sum);
    String type = e.get("type").asText();
    String name = "track".equals(type) ? StandardEvent.byName(e.get("event").asText()).map(StandardEvent::wireName)
        .orElse(e.get("event").asText()) : type;
    byName.merge(name, 1L, Long::sum);
    String user = e.hasNonNull("userId") ? e.get("userId").asText() : null;
    String anonymous = e.hasNonNull("anonymousId") ? e.get("anonymousId").asText() : null;
    identity(type, user, anonymous, at);
    JsonNode ctx = e.path("context");
    if (ctx.has("campaign")) {
      campaigns.computeIfAbsent(ctx.at("/campaign/medium").asText(), k -> new TreeMap<>())
          .merge(ctx.at("/campaign/name").asText(), 1, Integer::sum);
    }
    if (user != null && ctx.has("sessionId") && sessions.add(ctx.get("sessionId").asText())) {
      sessionHoursOfUser.computeIfAbsent(user, k -> new int[24])[local.getHour()]++;
    }
    JsonNode p = e.path("properties");
    switch (name) {
      case "Product Viewed" -> {
        views.merge(p.get("product_id").asText(), 1, Integer::sum);
        if (user != null) {
          interactions.add(new Interaction(user, p.get("product_id").asText(), at, false));
          String top = p.get("category").asText().split("/")[0];
          topCategoryViewsOfUser.computeIfAbsent(user, k -> new HashMap<>()).merge(top, 1, Integer::sum);
        }
      }
      case "Order Completed" -> {
        OrderFact o = new OrderFact(p.get("order_id").asText(), user, at, products(p), p);
        orders.put(o.id(), o);
        ordersByUser.computeIfAbsent(user, k -> new ArrayList<>()).add(at);
        for (String product : o.products()) {
          interactions.add(new Interaction(user, product, at, true));
          purchasesOfProductByUser.computeIfAbsent(user + "|" + product, k -> new ArrayList<>()).add(at);
        }
      }
      case "Order Refunded" -> refunds.add(new FollowUp(p.get("order_id").asText(), at, products(p)));
      case "Order Cancelled" -> cancellations.add(new FollowUp(p.get("order_id").asText(), at, products(p)));
      case "Review Submitted" -> reviews.add(new FollowUp(p.get("order_id").asText(), at,
          List.of(p.get("product_id").asText())));
      default -> {
        // counted above
      }
    }
  }

  private void identity(String type, String user, String anonymous, Instant at) {
    if (user != null && anonymous != null) {
      anonymousIdsOfUser.computeIfAbsent(user, k -> new HashSet<>()).add(anonymous);
      String pair = user + "|" + anonymous;
      if ("identify".equals(type) || "alias".equals(type)) {
        linkedAt.putIfAbsent(pair, at);
      } else if (!linkedAt.containsKey(pair)) {
        unlinkedIdentifiedEvents++;
      }
    }
    if ("alias".equals(type)) {
      aliases++;
    }
    if (user == null && anonymous != null) {
      anonymousOnly.putIfAbsent(anonymous, at);
    }
  }

  /** Anonymous ids that browsed without a user id and were later tied to a user by an identify or alias call. */
  long stitchedAnonymousIds() {
    return linkedAt.entrySet().stream().filter(l -> {
      Instant anonymousSince = anonymousOnly.get(l.getKey().substring(l.getKey().indexOf('|') + 1));
      return anonymousSince != null && anonymousSince.isBefore(l.getValue());
    }).count();
  }

  long count(String name) {
    return byName.getOrDefault(name, 0L);
  }

  /** Days from a buyer's last order to the end of the period, per buyer. */
  Map<String, Long> daysSinceLastOrder(Instant end) {
    Map<String, Long> out = new HashMap<>();
    ordersByUser.forEach((u, at) -> out.put(u, Duration.between(at.get(at.size() - 1), end).toDays()));
    return out;
  }

  private static List<String> products(JsonNode p) {
    List<String> out = new ArrayList<>();
    p.path("products").forEach(line -> out.add(line.get("product_id").asText()));
    return out;
  }
}
