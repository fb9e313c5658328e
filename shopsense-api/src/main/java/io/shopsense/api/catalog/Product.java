package io.shopsense.api.catalog;

import io.shopsense.api.event.Properties;
import io.shopsense.api.id.ProductId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A product of the shop's catalog.
 *
 * @param categoryPath the category from the top of the tree down, e.g. {@code [Outdoor, Tents]}; may be empty
 * @param price        the current selling price, or null if unknown
 * @param cost         the shop's cost per unit (for margin), or null
 * @param stock        units in stock, or null if the shop does not track stock
 * @param attributes   any further attributes (colour, size, material, ...)
 * @param createdAt    when the product was first listed
 * @param updatedAt    when this record was last written
 */
public record Product(
    ProductId id,
    String name,
    List<String> categoryPath,
    String brand,
    BigDecimal price,
    BigDecimal cost,
    String currency,
    Integer stock,
    Properties attributes,
    Instant createdAt,
    Instant updatedAt,
    boolean active) {

  public Product {
    if (id == null) {
      throw new IllegalArgumentException("a product needs an id");
    }
    categoryPath = categoryPath == null ? List.of() : List.copyOf(categoryPath);
    attributes = attributes == null ? Properties.EMPTY : attributes;
  }

  /** The category path joined with {@code " > "}, or empty. */
  public String category() {
    return String.join(" > ", categoryPath);
  }
}
