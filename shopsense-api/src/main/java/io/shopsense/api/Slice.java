package io.shopsense.api;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing, with the cursor to ask for the next one (absent on the last page). Cursors are opaque
 * to callers; a store defines them (usually the last key of this page).
 */
public record Slice<T>(List<T> items, String next) {
  public Slice {
    items = List.copyOf(items);
  }

  public Optional<String> nextCursor() {
    return Optional.ofNullable(next);
  }
}
