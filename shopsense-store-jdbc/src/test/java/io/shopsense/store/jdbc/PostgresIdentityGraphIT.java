package io.shopsense.store.jdbc;

import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.store.contract.IdentityGraphContract;
import io.shopsense.store.contract.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link IdentityGraphContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresIdentityGraphIT extends IdentityGraphContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected IdentityGraph open() {
    return stores.open().identityGraph();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
