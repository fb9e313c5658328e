package io.shopsense.core.recommend;

import java.time.Instant;
import java.util.Objects;

/**
 * One interaction record, the raw input of {@link Interactions}: a person ({@code user}, a person id) did
 * {@code kind} with a product ({@code item}, a product id) {@code quantity} times at {@code time}. Nothing is null;
 * the quantity is positive (a view is usually 1; a refund of two units has quantity 2).
 */
public record Interaction(String user, String item, InteractionKind kind, double quantity, Instant time) {
  public Interaction {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(time, "time");
    if (!(quantity > 0) || Double.isInfinite(quantity)) {
      throw new IllegalArgumentException("quantity must be positive and finite: " + quantity);
    }
  }
}
