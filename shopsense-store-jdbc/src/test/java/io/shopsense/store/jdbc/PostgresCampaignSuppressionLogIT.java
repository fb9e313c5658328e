package io.shopsense.store.jdbc;

import io.shopsense.api.campaign.SuppressionLog;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.campaign.SuppressionLogContract;
import io.shopsense.store.jdbc.campaign.JdbcSuppressionLog;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SuppressionLogContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresCampaignSuppressionLogIT extends SuppressionLogContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected SuppressionLog open() {
    return new JdbcSuppressionLog(stores.open().dataSource());
  }

  @Override
  protected void close() {
    stores.close();
  }
}
