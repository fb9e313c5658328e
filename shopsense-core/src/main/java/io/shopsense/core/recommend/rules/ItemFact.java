package io.shopsense.core.recommend.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * What re-ranking knows of one product: its category and brand (for diversity and content similarity), price, units
 * in stock, margin as a fraction of the price (0.3 = 30 %), when it was listed, and whether the shop blocked it from
 * recommendations. Nothing is null.
 */
public record ItemFact(String item, String category, String brand, double price, long stock, double margin,
    Instant createdAt, boolean blocked) {
  public ItemFact {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(brand, "brand");
    Objects.requireNonNull(createdAt, "createdAt");
    if (!(price >= 0) || Double.isInfinite(price)) {
      throw new IllegalArgumentException("price must be >= 0 and finite: " + price);
    }
    if (!Double.isFinite(margin)) {
      throw new IllegalArgumentException("margin must be finite: " + margin);
    }
  }
}
