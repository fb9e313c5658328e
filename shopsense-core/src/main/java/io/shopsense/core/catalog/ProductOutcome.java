package io.shopsense.core.catalog;

import io.shopsense.core.collect.Violation;
import java.util.List;

/** What became of one product of an upsert: stored, or rejected with the reasons. */
public record ProductOutcome(int index, String productId, boolean stored, List<Violation> violations) {
  public ProductOutcome {
    violations = List.copyOf(violations);
  }
}
