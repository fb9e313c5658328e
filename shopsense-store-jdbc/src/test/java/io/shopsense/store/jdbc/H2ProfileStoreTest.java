package io.shopsense.store.jdbc;

import io.shopsense.api.profile.ProfileStore;
import io.shopsense.store.contract.ProfileStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link ProfileStoreContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2ProfileStoreTest extends ProfileStoreContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected ProfileStore open() {
    return stores.open().profileStore();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
