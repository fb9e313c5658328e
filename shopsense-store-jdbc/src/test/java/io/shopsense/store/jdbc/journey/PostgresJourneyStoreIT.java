package io.shopsense.store.jdbc.journey;

import io.shopsense.api.journey.JourneyStore;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.journey.JourneyStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link JourneyStoreContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresJourneyStoreIT extends JourneyStoreContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final JourneyDatabases databases = JourneyDatabases.postgres(PG);

  @Override
  protected JourneyStore open() {
    return databases.open();
  }

  @Override
  protected void close() {
    databases.close();
  }
}
