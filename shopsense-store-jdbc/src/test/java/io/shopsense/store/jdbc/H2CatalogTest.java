package io.shopsense.store.jdbc;

import io.shopsense.api.catalog.Catalog;
import io.shopsense.store.contract.CatalogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link CatalogContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2CatalogTest extends CatalogContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected Catalog open() {
    return stores.open().catalog();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
