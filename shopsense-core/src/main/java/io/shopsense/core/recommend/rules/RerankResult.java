package io.shopsense.core.recommend.rules;

import io.shopsense.core.recommend.ScoredItem;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link Rerank} returns: the final list (at most n, in display order, each with its boosted score and the
 * model's reason), every dropped candidate with why, and which items exploration placed (so that their clicks can be
 * told apart).
 */
public record RerankResult(List<ScoredItem> items, List<Dropped> dropped, Set<String> explored) {
  public RerankResult {
    items = List.copyOf(items);
    dropped = List.copyOf(dropped);
    explored = Set.copyOf(explored);
  }

  /** A candidate that was not shown, and why. */
  public record Dropped(String item, DropReason reason) {
    public Dropped {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
