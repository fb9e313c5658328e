package io.shopsense.store.jdbc;

import io.shopsense.api.privacy.ErasureRegister;
import io.shopsense.store.contract.ErasureRegisterContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link ErasureRegisterContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2ErasureRegisterTest extends ErasureRegisterContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected ErasureRegister open() {
    return stores.open().erasureRegister();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
