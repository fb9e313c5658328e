package io.shopsense.store.jdbc;

import io.shopsense.api.campaign.PreferenceStore;
import io.shopsense.store.contract.campaign.PreferenceStoreContract;
import io.shopsense.store.jdbc.campaign.JdbcPreferenceStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link PreferenceStoreContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2CampaignPreferenceStoreTest extends PreferenceStoreContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected PreferenceStore open() {
    return new JdbcPreferenceStore(stores.open().dataSource());
  }

  @Override
  protected void close() {
    stores.close();
  }
}
