package io.shopsense.api.offer;

import io.shopsense.api.id.PersonId;
import java.util.List;

/**
 * Fills the recommended-items slot of a message (backed by the recommendation engine's email scene). Called once per
 * rendered message; returns at most {@code count} items, best first, possibly none. Must be thread-safe.
 */
@FunctionalInterface
public interface ItemSlot {
  List<SlotItem> fill(PersonId person, int count);

  /** A slot that is always empty (no recommender configured). */
  static ItemSlot empty() {
    return (person, count) -> List.of();
  }
}
