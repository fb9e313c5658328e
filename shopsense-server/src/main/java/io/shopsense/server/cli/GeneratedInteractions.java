package io.shopsense.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.demo.DemoShop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interaction records of a generated {@link DemoShop}: {@code Product Viewed} → view, {@code Product Added} → cart
 * (its quantity), each line of {@code Order Completed} → purchase (its quantity), each line of
 * {@code Order Refunded} and {@code Order Cancelled} → refund (a cancelled order never reached the person, so it
 * takes the purchase back like a refund). The person is the event's {@code userId}; events with only an
 * {@code anonymousId} are attributed to the user that cookie was later or earlier seen logged in as, and kept under
 * the cookie otherwise (an anonymous visitor is a person too, just a short-lived one). Item categories come from the
 * catalog, for intra-list diversity.
 */
public final class GeneratedInteractions {
  private GeneratedInteractions() {}

  public static EvalData of(DemoShop shop) {
    Map<String, String> categories = new LinkedHashMap<>();
    for (ObjectNode product : shop.products()) {
      categories.put(product.path("id").asText(), product.path("category").asText(""));
    }
    // Records are kept under the raw key first and resolved at the end: a cookie's login may come after its views.
    List<Pending> pending = new ArrayList<>();
    Map<String, String> userOfCookie = new HashMap<>();
    shop.events().forEach(e -> {
      String userId = text(e, "userId");
      String anonymousId = text(e, "anonymousId");
      if (userId != null && anonymousId != null) {
        userOfCookie.putIfAbsent(anonymousId, userId);
      }
      String event = e.path("event").asText("");
      InteractionKind kind = switch (event) {
        case "Product Viewed" -> InteractionKind.VIEW;
        case "Product Added" -> InteractionKind.CART;
        case "Order Completed" -> InteractionKind.PURCHASE;
        case "Order Refunded", "Order Cancelled" -> InteractionKind.REFUND;
        default -> null;
      };
      if (kind == null || (userId == null && anonymousId == null)) {
        return;
      }
      Instant time = Instant.parse(e.path("timestamp").asText());
      JsonNode props = e.path("properties");
      if (kind == InteractionKind.VIEW || kind == InteractionKind.CART) {
        add(pending, userId, anonymousId, props.path("product_id").asText(null), props.path("quantity").asDouble(1),
            kind, time);
      } else {
        for (JsonNode line : props.path("products")) {
          add(pending, userId, anonymousId, line.path("product_id").asText(null), line.path("quantity").asDouble(1),
              kind, time);
        }
      }
    });
    List<Interaction> records = new ArrayList<>(pending.size());
    java.util.Set<String> catalog = new java.util.TreeSet<>(categories.keySet());
    for (Pending p : pending) {
      catalog.add(p.item);
      String user = p.userId != null ? p.userId : userOfCookie.getOrDefault(p.anonymousId, "anon:" + p.anonymousId);
      records.add(new Interaction(user, p.item, p.kind, p.quantity, p.time));
    }
    return new EvalData("generated shop (" + shop.settings().targetEvents() + " events, seed "
        + shop.settings().seed() + ")", records, List.copyOf(catalog),
        (a, b) -> {
          String ca = categories.get(a);
          return ca != null && !ca.isEmpty() && ca.equals(categories.get(b)) ? 1 : 0;
        }, "same category");
  }

  private static void add(List<Pending> pending, String userId, String anonymousId, String item, double quantity,
      InteractionKind kind, Instant time) {
    if (item != null && !item.isEmpty() && quantity > 0) {
      pending.add(new Pending(userId, anonymousId, item, kind, quantity, time));
    }
  }

  private static String text(JsonNode e, String field) {
    JsonNode v = e.get(field);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }

  private record Pending(String userId, String anonymousId, String item, InteractionKind kind, double quantity,
      Instant time) {}
}
