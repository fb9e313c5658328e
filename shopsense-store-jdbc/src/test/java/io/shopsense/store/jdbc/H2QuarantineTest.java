package io.shopsense.store.jdbc;

import io.shopsense.api.collect.Quarantine;
import io.shopsense.store.contract.QuarantineContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link QuarantineContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2QuarantineTest extends QuarantineContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected Quarantine open() {
    return stores.open().quarantine();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
