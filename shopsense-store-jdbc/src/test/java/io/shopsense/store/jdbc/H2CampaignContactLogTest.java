package io.shopsense.store.jdbc;

import io.shopsense.api.campaign.ContactLog;
import io.shopsense.store.contract.campaign.ContactLogContract;
import io.shopsense.store.jdbc.campaign.JdbcContactLog;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link ContactLogContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2CampaignContactLogTest extends ContactLogContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected ContactLog open() {
    return new JdbcContactLog(stores.open().dataSource());
  }

  @Override
  protected void close() {
    stores.close();
  }
}
