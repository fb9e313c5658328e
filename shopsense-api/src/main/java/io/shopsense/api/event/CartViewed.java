package io.shopsense.api.event;

import java.util.List;

/** A person looked at their cart. */
public record CartViewed(EventMeta meta, String cartId, List<LineItem> products, Properties properties)
    implements TrackEvent {
  public CartViewed {
    products = products == null ? List.of() : List.copyOf(products);
  }

  @Override
  public String name() {
    return StandardEvent.CART_VIEWED.wireName();
  }
}
