package io.shopsense.core.imports.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.shopsense.core.json.JsonCodec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Olist tables say about products: the products file gives the id, the category and the sizes (as
 * attributes, with Olist's "lenght" spelled right); the orders add the price of the latest sale and the time of the
 * first one (as {@code created_at}; a product never sold is created at import time).
 */
final class OlistProducts {
  private static final List<String> ATTRIBUTES = List.of("product_name_lenght", "product_description_lenght",
      "product_photos_qty", "product_weight_g", "product_length_cm", "product_height_cm", "product_width_cm");

  private final Map<String, Instant> firstSold = new HashMap<>();
  private final Map<String, Instant> lastSold = new HashMap<>();
  private final Map<String, BigDecimal> lastPrice = new HashMap<>();
  private final String currency;

  OlistProducts(String currency) {
    this.currency = currency;
  }

  void sold(OlistOrder order) {
    Instant at = order.purchased();
    for (OlistOrder.Item item : order.items()) {
      String id = item.productId();
      firstSold.merge(id, at, (a, b) -> a.isBefore(b) ? a : b);
      Instant last = lastSold.get(id);
      if (last == null || !at.isBefore(last)) {
        lastSold.put(id, at);
        lastPrice.put(id, item.price());
      }
    }
  }

  /** The catalog JSON of a products row (whose width was checked). */
  ObjectNode product(CsvTable t, CsvRecord r, int id, int category) {
    String productId = r.getField(id).strip();
    ObjectNode p = JsonCodec.mapper().createObjectNode();
    p.put("id", productId);
    String c = r.getField(category).strip();
    if (!c.isEmpty()) {
      p.put("category", c);
    }
    BigDecimal price = lastPrice.get(productId);
    if (price != null) {
      p.put("price", price);
      p.put("currency", currency);
    }
    Instant created = firstSold.get(productId);
    if (created != null) {
      p.put("created_at", created.toString());
    }
    ObjectNode attributes = p.putObject("attributes");
    for (String a : ATTRIBUTES) {
      int at = t.column(a);
      String v = at < 0 ? "" : r.getField(at).strip();
      String name = a.replace("lenght", "length").replace("product_", "");
      try {
        attributes.put(name, new BigDecimal(v));
      } catch (NumberFormatException notANumber) {
        if (!v.isEmpty()) {
          attributes.put(name, v);
        }
      }
    }
    return p;
  }
}
