package io.shopsense.store.jdbc;

import io.shopsense.api.collect.Quarantine;
import io.shopsense.store.contract.QuarantineContract;
import io.shopsense.store.contract.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link QuarantineContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresQuarantineIT extends QuarantineContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected Quarantine open() {
    return stores.open().quarantine();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
