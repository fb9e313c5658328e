package io.shopsense.store.jdbc;

import io.shopsense.api.profile.ProfileChanges;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.ProfileChangesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link ProfileChangesContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresProfileChangesIT extends ProfileChangesContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected ProfileChanges open() {
    return stores.open().profileChanges();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
