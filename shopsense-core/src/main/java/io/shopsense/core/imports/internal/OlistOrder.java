package io.shopsense.core.imports.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.core.json.JsonCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * One Olist order with its items and payments, as one order event: {@code Order Completed} for the statuses of an
 * order that went ahead, {@code Order Cancelled} for canceled and unavailable ones, at the purchase time. Each item
 * row is a line of one unit ({@code price}, {@code seller_id}, {@code position} = order_item_id); freight is summed
 * into {@code shipping}, the payments into {@code total} (and kept as {@code payments}); a completed order also
 * carries {@code revenue}, the sum of the item prices. The event stands for the order row, its item rows and its
 * payment rows.
 */
final class OlistOrder {
  static final Set<String> COMPLETED = Set.of("delivered", "shipped", "invoiced", "processing", "approved",
      "created");
  static final Set<String> CANCELLED = Set.of("canceled", "unavailable");

  record Item(int position, String productId, String sellerId, BigDecimal price, BigDecimal freight) {}

  record Payment(int sequential, String type, int installments, BigDecimal value) {}

  private final String id;
  private final String customerId;
  private final String status;
  private final Instant purchased;
  private final long line;
  private final List<Item> items = new ArrayList<>(2);
  private final List<Payment> payments = new ArrayList<>(1);

  OlistOrder(String id, String customerId, String status, Instant purchased, long line) {
    this.id = id;
    this.customerId = customerId;
    this.status = status;
    this.purchased = purchased;
    this.line = line;
  }

  String id() {
    return id;
  }

  String customerId() {
    return customerId;
  }

  Instant purchased() {
    return purchased;
  }

  void add(Item item) {
    items.add(item);
  }

  void add(Payment payment) {
    payments.add(payment);
  }

  List<Item> items() {
    return items;
  }

  /** The item with the lowest order_item_id, the product a review of the order is taken to be about; or null. */
  Item firstItem() {
    return items.stream().min(Comparator.comparingInt(Item::position)).orElse(null);
  }

  /** The order row, its items and its payments. */
  int rows() {
    return 1 + items.size() + payments.size();
  }

  String origin(String ordersInput) {
    return "import " + ordersInput + " line " + line + " with " + items.size() + " items and " + payments.size()
        + " payments";
  }

  /** Who the order's events are about: the person (customer_unique_id), else the order's customer as a guest. */
  static void identity(ObjectNode event, String person, String customerId) {
    if (person != null) {
      event.put("userId", person);
    } else {
      event.put("anonymousId", OlistPreset.PREFIX + "customer:" + customerId);
    }
  }

  ObjectNode event(String person, String currency) {
    boolean completed = COMPLETED.contains(status);
    ObjectNode e = JsonCodec.mapper().createObjectNode();
    e.put("type", "track");
    e.put("event", completed ? "Order Completed" : "Order Cancelled");
    e.put("messageId", OlistPreset.PREFIX + "order:" + id);
    identity(e, person, customerId);
    e.put("timestamp", purchased.toString());
    ObjectNode p = e.putObject("properties");
    p.put("order_id", id);
    p.put("status", status);
    p.put("customer_id", customerId);
    ArrayNode products = p.putArray("products");
    BigDecimal revenue = BigDecimal.ZERO;
    BigDecimal shipping = BigDecimal.ZERO;
    items.sort(Comparator.comparingInt(Item::position));
    for (Item item : items) {
      ObjectNode l = products.addObject();
      l.put("product_id", item.productId());
      l.put("price", item.price());
      l.put("quantity", 1);
      l.put("position", item.position());
      if (!item.sellerId().isEmpty()) {
        l.put("seller_id", item.sellerId());
      }
      revenue = revenue.add(item.price());
      shipping = shipping.add(item.freight());
    }
    if (completed) {
      p.put("revenue", revenue);
    }
    if (!items.isEmpty()) {
      p.put("shipping", shipping);
    }
    if (!payments.isEmpty()) {
      payments.sort(Comparator.comparingInt(Payment::sequential));
      BigDecimal total = BigDecimal.ZERO;
      ArrayNode paid = p.putArray("payments");
      for (Payment pay : payments) {
        ObjectNode o = paid.addObject();
        o.put("type", pay.type());
        o.put("installments", pay.installments());
        o.put("value", pay.value());
        total = total.add(pay.value());
      }
      p.put("total", total);
    }
    p.put("currency", currency);
    return e;
  }
}
