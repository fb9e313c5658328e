package io.shopsense.store.jdbc;

import io.shopsense.api.privacy.UsageLog;
import io.shopsense.store.contract.UsageLogContract;
import io.shopsense.store.contract.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link UsageLogContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresUsageLogIT extends UsageLogContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);
  private JdbcStores current;

  @Override
  protected UsageLog open() {
    current = stores.open();
    return current.usageLog();
  }

  @Override
  protected void close() {
    stores.close();
  }

}
