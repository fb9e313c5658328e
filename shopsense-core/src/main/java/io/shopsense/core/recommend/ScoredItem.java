package io.shopsense.core.recommend;

import java.util.Objects;

/** One recommended item (a product id) with its model score (higher is better; comparable only within one list). */
public record ScoredItem(String item, double score, Reason reason) {
  public ScoredItem {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(reason, "reason");
  }
}
