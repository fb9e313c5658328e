package io.shopsense.server.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.core.json.JsonCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Hand-made tracking events for the profile and segment tests, built as JSON trees so that any text (quotes
 * included) goes through unharmed. Each event names its person by a user id or an anonymous id ({@link Who}) and
 * carries an explicit timestamp, so a test can place orders days or months back.
 */
public final class ShopEvents {
  private ShopEvents() {}

  /** Whose event it is: a user id, an anonymous id, or both (an identify). */
  public record Who(String userId, String anonymousId) {
    public static Who user(String userId) {
      return new Who(userId, null);
    }

    public static Who anonymous(String anonymousId) {
      return new Who(null, anonymousId);
    }
  }

  /** A product, as a line of a view, a cart addition or an order. */
  public record Product(String id, String category, String brand, String price) {}

  public static ObjectNode viewed(String messageId, Who who, Instant at, Product p) {
    ObjectNode e = track("Product Viewed", messageId, who, at);
    line(e.putObject("properties"), p, 1);
    return e;
  }

  public static ObjectNode added(String messageId, Who who, Instant at, Product p, int quantity) {
    ObjectNode e = track("Product Added", messageId, who, at);
    line(e.putObject("properties"), p, quantity);
    return e;
  }

  public static ObjectNode ordered(String messageId, Who who, Instant at, String orderId, String revenue,
      Product... products) {
    ObjectNode e = track("Order Completed", messageId, who, at);
    ObjectNode props = e.putObject("properties");
    props.put("order_id", orderId).put("revenue", new BigDecimal(revenue)).put("currency", "EUR");
    ArrayNode lines = props.putArray("products");
    for (Product p : products) {
      line(lines.addObject(), p, 1);
    }
    return e;
  }

  public static ObjectNode refunded(String messageId, Who who, Instant at, String orderId, String amount) {
    ObjectNode e = track("Order Refunded", messageId, who, at);
    e.putObject("properties").put("order_id", orderId).put("revenue", new BigDecimal(amount));
    return e;
  }

  /** A storefront's {@code Recommendation Viewed} or {@code Recommendation Clicked} of one product of a list. */
  public static ObjectNode recommendation(String event, String messageId, Who who, Instant at, String listId,
      String productId, String scene, String modelVersion, int position) {
    ObjectNode e = track(event, messageId, who, at);
    e.putObject("properties").put("recommendation_id", listId).put("product_id", productId).put("scene", scene)
        .put("model_version", modelVersion).put("position", position);
    return e;
  }

  public static ObjectNode identify(String messageId, Who who, Instant at, Map<String, String> traits) {
    ObjectNode e = meta("identify", messageId, who, at);
    ObjectNode t = e.putObject("traits");
    traits.forEach(t::put);
    return e;
  }

  /** The body of {@code POST /v1/batch}. */
  public static String batch(List<ObjectNode> events) {
    ObjectNode b = JsonCodec.mapper().createObjectNode();
    ArrayNode a = b.putArray("batch");
    events.forEach(a::add);
    return b.toString();
  }

  private static ObjectNode track(String event, String messageId, Who who, Instant at) {
    return meta("track", messageId, who, at).put("event", event);
  }

  private static ObjectNode meta(String type, String messageId, Who who, Instant at) {
    ObjectNode e = JsonCodec.mapper().createObjectNode();
    e.put("type", type).put("messageId", messageId).put("timestamp", at.toString());
    if (who.userId() != null) {
      e.put("userId", who.userId());
    }
    if (who.anonymousId() != null) {
      e.put("anonymousId", who.anonymousId());
    }
    return e;
  }

  private static void line(ObjectNode into, Product p, int quantity) {
    into.put("product_id", p.id()).put("category", p.category()).put("brand", p.brand())
        .put("price", new BigDecimal(p.price())).put("quantity", quantity);
  }
}
