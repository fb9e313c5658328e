package io.shopsense.core.recommend.rules;

import java.util.Optional;

/**
 * The port through which re-ranking reads product data (the catalog and stock, usually from an in-memory snapshot, as
 * it is called once per candidate on the serving path). Implementations are thread-safe and fast; an unknown product
 * gives empty, and re-ranking drops it.
 */
@FunctionalInterface
public interface ItemFacts {
  Optional<ItemFact> find(String item);
}
