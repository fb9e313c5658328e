package io.shopsense.store.jdbc;

import io.shopsense.api.privacy.ErasureRegister;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.ErasureRegisterContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link ErasureRegisterContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresErasureRegisterIT extends ErasureRegisterContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected ErasureRegister open() {
    return stores.open().erasureRegister();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
