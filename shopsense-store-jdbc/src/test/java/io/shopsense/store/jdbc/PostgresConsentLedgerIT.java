package io.shopsense.store.jdbc;

import io.shopsense.api.privacy.ConsentLedger;
import io.shopsense.store.contract.ConsentLedgerContract;
import io.shopsense.store.contract.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link ConsentLedgerContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresConsentLedgerIT extends ConsentLedgerContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected ConsentLedger open() {
    return stores.open().consentLedger();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
