package io.shopsense.core.imports.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.core.json.JsonCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The catalog the Online Retail rows imply: one product per StockCode that appears as an order line, named by its
 * latest description and priced by its latest unit price among priced rows (a zero-priced row, often a stock
 * correction such as "found" or "check", neither names nor prices a product unless nothing else does), created when
 * first seen. Non-merchandise codes are stored inactive, so that nothing recommends "Manual" or "Bank Charges".
 * Postage is no product. Rows that are no order line (rejected on their own) say nothing about products.
 */
final class RetailProducts {
  private static final class Seen {
    String name;
    BigDecimal price;
    Instant firstSeen;
  }

  private final Map<String, Seen> products = new LinkedHashMap<>();

  void seen(RetailRow r) {
    if (RetailInvoice.POSTAGE.contains(r.stockCode())) {
      return;
    }
    Seen s = products.computeIfAbsent(r.stockCode(), code -> new Seen());
    if (s.firstSeen == null || r.time().isBefore(s.firstSeen)) {
      s.firstSeen = r.time();
    }
    boolean priced = r.price().signum() > 0;
    if (priced) {
      s.price = r.price();
    }
    if (!r.description().isEmpty() && (priced || s.name == null)) {
      s.name = r.description();
    }
  }

  int size() {
    return products.size();
  }

  List<ObjectNode> toJson(String currency) {
    return products.entrySet().stream().map(e -> {
      Seen s = e.getValue();
      ObjectNode p = JsonCodec.mapper().createObjectNode();
      p.put("id", e.getKey());
      if (s.name != null) {
        p.put("name", s.name);
      }
      if (s.price != null) {
        p.put("price", s.price);
        p.put("currency", currency);
      }
      if (RetailInvoice.NON_MERCHANDISE.contains(e.getKey())) {
        p.put("category", RetailInvoice.NON_MERCHANDISE_CATEGORY);
        p.put("active", false);
      }
      p.put("created_at", s.firstSeen.toString());
      return p;
    }).collect(Collectors.toList());
  }
}
