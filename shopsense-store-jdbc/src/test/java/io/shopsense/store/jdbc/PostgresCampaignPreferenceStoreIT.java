package io.shopsense.store.jdbc;

import io.shopsense.api.campaign.PreferenceStore;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.campaign.PreferenceStoreContract;
import io.shopsense.store.jdbc.campaign.JdbcPreferenceStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link PreferenceStoreContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresCampaignPreferenceStoreIT extends PreferenceStoreContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected PreferenceStore open() {
    return new JdbcPreferenceStore(stores.open().dataSource());
  }

  @Override
  protected void close() {
    stores.close();
  }
}
