package io.shopsense.store.jdbc;

import io.shopsense.api.catalog.Catalog;
import io.shopsense.store.contract.CatalogContract;
import io.shopsense.store.contract.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link CatalogContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresCatalogIT extends CatalogContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected Catalog open() {
    return stores.open().catalog();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
