package io.shopsense.store.jdbc;

import io.shopsense.api.identity.TraitStore;
import io.shopsense.store.contract.TraitStoreContract;
import io.shopsense.store.contract.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link TraitStoreContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresTraitStoreIT extends TraitStoreContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected TraitStore open() {
    return stores.open().traitStore();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
