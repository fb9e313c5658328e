package io.shopsense.platform;

import io.shopsense.api.Slice;
import io.shopsense.api.catalog.Catalog;
import io.shopsense.api.catalog.Product;
import io.shopsense.core.recommend.rules.ItemFact;
import io.shopsense.core.recommend.serve.CatalogView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the serving path's {@link CatalogView} from the catalog store, a page at a time: the category is the
 * product's category path joined ({@code ""} without one), brand {@code ""} when unknown, price 0 when unknown, stock
 * not tracked (null) counts as always in stock, margin is {@code (price − cost) / price} when both are known (else 0),
 * and a product is blocked when it is inactive or its attribute {@value #RECOMMEND_ATTRIBUTE} is {@code false}.
 */
final class CatalogSnapshot {
  /** The product attribute a shop sets to {@code false} to keep a product out of recommendations. */
  static final String RECOMMEND_ATTRIBUTE = "recommend";
  private static final int PAGE = 1_000;

  private CatalogSnapshot() {
  }

  static CatalogView of(Catalog catalog) {
    List<CatalogView.CatalogItem> items = new ArrayList<>();
    String after = null;
    do {
      Slice<Product> page = catalog.list(after, PAGE);
      page.items().forEach(p -> items.add(item(p)));
      after = page.nextCursor().orElse(null);
    } while (after != null);
    return new CatalogView(items);
  }

  static CatalogView.CatalogItem item(Product p) {
    double price = p.price() == null ? 0 : Math.max(0, p.price().doubleValue());
    double margin = 0;
    if (p.price() != null && p.cost() != null && p.price().signum() > 0) {
      margin = p.price().subtract(p.cost()).divide(p.price(), 6, RoundingMode.HALF_EVEN).doubleValue();
    }
    long stock = p.stock() == null ? Long.MAX_VALUE : p.stock();
    boolean blocked = !p.active() || isFalse(p.attributes().get(RECOMMEND_ATTRIBUTE));
    Instant created = p.createdAt() == null ? Instant.EPOCH : p.createdAt();
    ItemFact fact = new ItemFact(p.id().value(), p.category(), p.brand() == null ? "" : p.brand(), price, stock,
        margin, created, blocked);
    Map<String, String> attributes = new TreeMap<>();
    p.attributes().values().forEach((k, v) -> {
      if (v != null) {
        attributes.put(k, v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
      }
    });
    return new CatalogView.CatalogItem(fact, Optional.ofNullable(p.name()).orElse(""), attributes);
  }

  /** {@code false} as a boolean or as text (attributes imported from a file arrive as text). */
  private static boolean isFalse(Object value) {
    return Boolean.FALSE.equals(value) || (value instanceof String s && s.trim().equalsIgnoreCase("false"));
  }
}
