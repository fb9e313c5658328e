package io.shopsense.store.jdbc;

import io.shopsense.api.campaign.ContactBlocks;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.campaign.ContactBlocksContract;
import io.shopsense.store.jdbc.campaign.JdbcContactBlocks;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link ContactBlocksContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresCampaignContactBlocksIT extends ContactBlocksContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected ContactBlocks open() {
    return new JdbcContactBlocks(stores.open().dataSource());
  }

  @Override
  protected void close() {
    stores.close();
  }
}
