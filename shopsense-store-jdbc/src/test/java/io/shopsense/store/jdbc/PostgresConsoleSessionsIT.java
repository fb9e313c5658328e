package io.shopsense.store.jdbc;

import io.shopsense.api.access.ConsoleSessions;
import io.shopsense.store.contract.ConsoleSessionsContract;
import io.shopsense.store.contract.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link ConsoleSessionsContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresConsoleSessionsIT extends ConsoleSessionsContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected ConsoleSessions open() {
    return stores.open().consoleSessions();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
