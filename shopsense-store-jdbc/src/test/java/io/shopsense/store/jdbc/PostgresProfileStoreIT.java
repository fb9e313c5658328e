package io.shopsense.store.jdbc;

import io.shopsense.api.profile.ProfileStore;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.ProfileStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link ProfileStoreContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresProfileStoreIT extends ProfileStoreContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected ProfileStore open() {
    return stores.open().profileStore();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
