package io.shopsense.core.recommend.rules;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One re-ranking call: the request {@code key} (e.g. person + scene + day; it seeds exploration, so the same key gives
 * the same list), how many items to return, the time (from the caller's clock; decides what counts as new), the
 * person's bought items and the consumables among all items, and the long-tail items (from the popularity model) that
 * exploration may promote. Sets may be empty, never null.
 */
public record RerankRequest(String key, int n, Instant now, Set<String> bought, Set<String> consumables,
    Set<String> longTail) {
  public RerankRequest {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(now, "now");
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0: " + n);
    }
    bought = Set.copyOf(bought);
    consumables = Set.copyOf(consumables);
    longTail = Set.copyOf(longTail);
  }

  /** A request for a person who bought nothing, with no consumables and no long tail. */
  public static RerankRequest of(String key, int n, Instant now) {
    return new RerankRequest(key, n, now, Set.of(), Set.of(), Set.of());
  }
}
