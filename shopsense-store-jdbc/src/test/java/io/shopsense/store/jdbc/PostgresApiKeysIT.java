package io.shopsense.store.jdbc;

import io.shopsense.api.access.ApiKeys;
import io.shopsense.store.contract.ApiKeysContract;
import io.shopsense.store.contract.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link ApiKeysContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresApiKeysIT extends ApiKeysContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected ApiKeys open() {
    return stores.open().apiKeys();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
