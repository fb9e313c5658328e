package io.shopsense.api.offer;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One recommended item shown in a message: its name, price (in {@code currency}, an ISO 4217 code), the link to its
 * page and why it was recommended (may be empty).
 */
public record SlotItem(String itemId, String name, BigDecimal price, String currency, String link,
    String explanation) {
  public SlotItem {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(link, "link");
    explanation = explanation == null ? "" : explanation;
  }
}
