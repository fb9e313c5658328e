package io.shopsense.core.imports.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.core.json.JsonCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rows of one Online Retail invoice, gathered into one order event: {@code Order Completed} for a sale,
 * {@code Order Refunded} for a cancellation ({@code C…}).
 *
 * <p>Every row is a product line ({@code product_id} = StockCode, {@code name}, {@code price}, {@code quantity} in
 * positive units), except postage ({@code POST}, {@code DOT}, {@code C2}), which is summed into {@code shipping}: it is
 * not something the customer bought, and as a line it would be the most "popular product" of the shop. Fees, manual
 * lines, samples and discounts ({@code M}, {@code D}, {@code S}, {@code BANK CHARGES}, {@code AMAZONFEE},
 * {@code CRUK}, {@code B}) stay lines, since they are money on the invoice, marked {@code category Non-merchandise}.
 * {@code revenue} is the sum of price × quantity over the lines, {@code total} adds shipping; a refund carries only
 * {@code total}. The refund's {@code order_id} is the cancellation's own number (with its {@code C}): the data does not
 * say which invoice it cancels. The time is the earliest of the rows' times (a few invoices span a minute); the
 * customer and country are the first row's (a row with another CustomerID is rejected, another Country is not
 * checked: the real file has none).
 */
final class RetailInvoice {
  static final Set<String> POSTAGE = Set.of("POST", "DOT", "C2");
  static final Set<String> NON_MERCHANDISE = Set.of("M", "m", "D", "S", "B", "BANK CHARGES", "AMAZONFEE", "CRUK");
  static final String NON_MERCHANDISE_CATEGORY = "Non-merchandise";

  private final String id;
  private final boolean cancellation;
  private final String customer;
  private final String country;
  private final List<RetailRow> lines = new ArrayList<>();
  private BigDecimal shipping;
  private Instant time;
  private long firstLine = Long.MAX_VALUE;
  private long lastLine;
  private int rows;

  RetailInvoice(RetailRow first) {
    this.id = first.invoice();
    this.cancellation = first.cancellation();
    this.customer = first.customer();
    this.country = first.country();
  }

  String id() {
    return id;
  }

  String customer() {
    return customer;
  }

  String country() {
    return country;
  }

  Instant time() {
    return time;
  }

  int rows() {
    return rows;
  }

  /** Adds a row; returns why it does not belong to this invoice, or null. */
  String add(RetailRow r) {
    if (!r.customer().equals(customer)) {
      return "CustomerID differs from the one on the invoice's earlier rows";
    }
    if (POSTAGE.contains(r.stockCode())) {
      BigDecimal amount = r.price().multiply(BigDecimal.valueOf(r.quantity()));
      shipping = shipping == null ? amount : shipping.add(amount);
    } else {
      lines.add(r);
    }
    time = time == null || r.time().isBefore(time) ? r.time() : time;
    firstLine = Math.min(firstLine, r.line());
    lastLine = Math.max(lastLine, r.line());
    rows++;
    return null;
  }

  /** {@code import <input> line 7}, {@code lines 7-19}, or {@code lines 7-30 (20 rows)} when others came between. */
  String origin(String input) {
    String lines = firstLine == lastLine ? "line " + firstLine : "lines " + firstLine + "-" + lastLine;
    return "import " + input + " " + lines + (lastLine - firstLine + 1 == rows ? "" : " (" + rows + " rows)");
  }

  ObjectNode event(String currency) {
    ObjectNode e = JsonCodec.mapper().createObjectNode();
    e.put("type", "track");
    e.put("event", cancellation ? "Order Refunded" : "Order Completed");
    e.put("messageId", OnlineRetailPreset.PREFIX + id);
    if (customer.isEmpty()) {
      e.put("anonymousId", OnlineRetailPreset.PREFIX + "guest:" + id);
    } else {
      e.put("userId", customer);
    }
    e.put("timestamp", time.toString());
    if (!country.isEmpty()) {
      e.putObject("context").putObject("location").put("country", country);
    }
    ObjectNode p = e.putObject("properties");
    p.put("order_id", id);
    BigDecimal revenue = BigDecimal.ZERO;
    ArrayNode products = p.putArray("products");
    for (RetailRow r : lines) {
      ObjectNode line = products.addObject();
      line.put("product_id", r.stockCode());
      if (!r.description().isEmpty()) {
        line.put("name", r.description());
      }
      line.put("price", r.price());
      line.put("quantity", r.quantity());
      if (NON_MERCHANDISE.contains(r.stockCode())) {
        line.put("category", NON_MERCHANDISE_CATEGORY);
      }
      revenue = revenue.add(r.price().multiply(BigDecimal.valueOf(r.quantity())));
    }
    if (!cancellation) {
      p.put("revenue", revenue);
    }
    if (shipping != null) {
      p.put("shipping", shipping);
    }
    p.put("total", shipping == null ? revenue : revenue.add(shipping));
    p.put("currency", currency);
    return e;
  }
}
