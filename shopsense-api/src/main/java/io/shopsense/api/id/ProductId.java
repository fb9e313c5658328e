package io.shopsense.api.id;

/** The shop's id of a product (or SKU) in the catalog. */
public record ProductId(String value) implements Comparable<ProductId> {
  public ProductId {
    TypedIds.requireText(value, "ProductId");
  }

  public static ProductId of(String value) {
    return new ProductId(value);
  }

  @Override
  public int compareTo(ProductId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
