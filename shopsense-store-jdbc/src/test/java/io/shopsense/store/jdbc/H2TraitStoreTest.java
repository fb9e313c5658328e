package io.shopsense.store.jdbc;

import io.shopsense.api.identity.TraitStore;
import io.shopsense.store.contract.TraitStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link TraitStoreContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2TraitStoreTest extends TraitStoreContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected TraitStore open() {
    return stores.open().traitStore();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
