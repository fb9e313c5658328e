package io.shopsense.store.jdbc;

import io.shopsense.api.campaign.ContactBlocks;
import io.shopsense.store.contract.campaign.ContactBlocksContract;
import io.shopsense.store.jdbc.campaign.JdbcContactBlocks;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link ContactBlocksContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2CampaignContactBlocksTest extends ContactBlocksContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected ContactBlocks open() {
    return new JdbcContactBlocks(stores.open().dataSource());
  }

  @Override
  protected void close() {
    stores.close();
  }
}
