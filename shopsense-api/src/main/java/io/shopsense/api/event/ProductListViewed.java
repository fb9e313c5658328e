package io.shopsense.api.event;

import java.util.List;

/** A person looked at a list of products (a category page, search results, a recommendation slot). */
public record ProductListViewed(EventMeta meta, String listId, String category, List<LineItem> products,
    Properties properties) implements TrackEvent {
  public ProductListViewed {
    products = products == null ? List.of() : List.copyOf(products);
  }

  @Override
  public String name() {
    return StandardEvent.PRODUCT_LIST_VIEWED.wireName();
  }
}
