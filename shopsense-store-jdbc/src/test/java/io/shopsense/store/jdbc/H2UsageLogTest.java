package io.shopsense.store.jdbc;

import io.shopsense.api.privacy.UsageLog;
import io.shopsense.store.contract.UsageLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link UsageLogContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2UsageLogTest extends UsageLogContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);
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
