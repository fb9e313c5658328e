package io.shopsense.api.id;

/** The shop's id of an order. */
public record OrderId(String value) implements Comparable<OrderId> {
  public OrderId {
    TypedIds.requireText(value, "OrderId");
  }

  public static OrderId of(String value) {
    return new OrderId(value);
  }

  @Override
  public int compareTo(OrderId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
