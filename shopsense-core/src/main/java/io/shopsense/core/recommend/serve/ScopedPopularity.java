package io.shopsense.core.recommend.serve;

import io.shopsense.core.recommend.ScoredItem;
import java.util.List;
import java.util.Set;

/**
 * Time-decayed popularity per scope, for cold start and non-personalised lists: {@code global}, {@code category:<c>},
 * {@code segment:<id>}, {@code region:<code>}. Each item carries {@link io.shopsense.core.recommend.Reason.PopularIn}
 * with its scope. Immutable, thread-safe; serialises to bytes.
 */
public final class ScopedPopularity {
  public static final ScopedPopularity EMPTY = new ScopedPopularity();

  private ScopedPopularity() {
  }

  /** Up to {@code n} items of {@code scope}, most popular first, none of {@code exclude}; empty for unknown scopes. */
  public List<ScoredItem> top(String scope, int n, Set<String> exclude) {
    if (this == EMPTY) {
      return List.of();
    }
    throw new UnsupportedOperationException("to be built");
  }

  /** The least popular items with any interaction (the long tail exploration may promote). */
  public Set<String> longTail() {
    return Set.of();
  }

  public byte[] toBytes() {
    throw new UnsupportedOperationException("to be built");
  }

  public static ScopedPopularity fromBytes(byte[] bytes) {
    throw new UnsupportedOperationException("to be built");
  }
}
