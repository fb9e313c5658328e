package io.shopsense.store.jdbc;

import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.store.contract.IdentityGraphContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link IdentityGraphContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2IdentityGraphTest extends IdentityGraphContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected IdentityGraph open() {
    return stores.open().identityGraph();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
