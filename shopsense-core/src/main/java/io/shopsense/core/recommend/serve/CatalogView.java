package io.shopsense.core.recommend.serve;

import io.shopsense.core.recommend.rules.ItemFact;
import io.shopsense.core.recommend.rules.ItemFacts;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-memory snapshot of the catalog for the serving path: the facts rules read, display names for explanations and
 * attributes for content similarity (new-item cold start). Immutable and thread-safe.
 */
public final class CatalogView implements ItemFacts {

  /** One product as the serving path sees it; {@code attributes} are flattened to text. */
  public record CatalogItem(ItemFact fact, String name, Map<String, String> attributes) {
    public CatalogItem {
      Objects.requireNonNull(fact, "fact");
      name = name == null ? "" : name;
      attributes = Map.copyOf(attributes);
    }
  }

  public static final CatalogView EMPTY = new CatalogView(List.of());

  private final Map<String, CatalogItem> byId;

  public CatalogView(Collection<CatalogItem> items) {
    Map<String, CatalogItem> map = new HashMap<>();
    for (CatalogItem item : items) {
      map.put(item.fact().item(), item);
    }
    this.byId = Map.copyOf(map);
  }

  @Override
  public Optional<ItemFact> find(String item) {
    CatalogItem c = byId.get(item);
    return c == null ? Optional.empty() : Optional.of(c.fact());
  }

  public Optional<CatalogItem> item(String item) {
    return Optional.ofNullable(byId.get(item));
  }

  /** Display name, empty when unknown or blank. */
  public Optional<String> name(String item) {
    CatalogItem c = byId.get(item);
    return c == null || c.name().isBlank() ? Optional.empty() : Optional.of(c.name());
  }

  public Collection<CatalogItem> items() {
    return byId.values();
  }

  public int size() {
    return byId.size();
  }
}
