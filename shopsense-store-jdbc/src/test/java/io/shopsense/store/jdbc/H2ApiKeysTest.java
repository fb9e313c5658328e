package io.shopsense.store.jdbc;

import io.shopsense.api.access.ApiKeys;
import io.shopsense.store.contract.ApiKeysContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link ApiKeysContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2ApiKeysTest extends ApiKeysContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected ApiKeys open() {
    return stores.open().apiKeys();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
