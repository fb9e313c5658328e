package io.shopsense.store.jdbc;

import io.shopsense.api.campaign.SuppressionLog;
import io.shopsense.store.contract.campaign.SuppressionLogContract;
import io.shopsense.store.jdbc.campaign.JdbcSuppressionLog;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link SuppressionLogContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2CampaignSuppressionLogTest extends SuppressionLogContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected SuppressionLog open() {
    return new JdbcSuppressionLog(stores.open().dataSource());
  }

  @Override
  protected void close() {
    stores.close();
  }
}
