package io.shopsense.store.jdbc;

import io.shopsense.api.campaign.ContactLog;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.campaign.ContactLogContract;
import io.shopsense.store.jdbc.campaign.JdbcContactLog;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link ContactLogContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresCampaignContactLogIT extends ContactLogContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected ContactLog open() {
    return new JdbcContactLog(stores.open().dataSource());
  }

  @Override
  protected void close() {
    stores.close();
  }
}
