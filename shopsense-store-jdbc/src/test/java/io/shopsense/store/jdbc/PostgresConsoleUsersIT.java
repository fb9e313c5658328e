package io.shopsense.store.jdbc;

import io.shopsense.api.access.ConsoleUsers;
import io.shopsense.store.contract.ConsoleUsersContract;
import io.shopsense.store.contract.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link ConsoleUsersContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresConsoleUsersIT extends ConsoleUsersContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected ConsoleUsers open() {
    return stores.open().consoleUsers();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
