package io.shopsense.api.catalog;

import io.shopsense.api.Slice;
import io.shopsense.api.id.ProductId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shop's products. Called by the catalog API and imports (write) and by everything that shows products. */
public interface Catalog {

  /** Inserts or replaces the products by id, all in one transaction. A product keeps its first {@code createdAt}. */
  void upsert(List<Product> products);

  Optional<Product> find(ProductId id);

  /** The products that exist among {@code ids}. */
  Map<ProductId, Product> findAll(Collection<ProductId> ids);

  /** Products ordered by id, after the cursor (a product id; null for the start). */
  Slice<Product> list(String after, int limit);

  long count();
}
