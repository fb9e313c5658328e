package io.shopsense.store.jdbc;

import io.shopsense.api.privacy.PrivacyRequests;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.PrivacyRequestsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link PrivacyRequestsContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresPrivacyRequestsIT extends PrivacyRequestsContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected PrivacyRequests open() {
    return stores.open().privacyRequests();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
