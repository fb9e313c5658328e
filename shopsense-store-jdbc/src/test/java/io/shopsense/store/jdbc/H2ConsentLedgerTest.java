package io.shopsense.store.jdbc;

import io.shopsense.api.privacy.ConsentLedger;
import io.shopsense.store.contract.ConsentLedgerContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link ConsentLedgerContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2ConsentLedgerTest extends ConsentLedgerContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected ConsentLedger open() {
    return stores.open().consentLedger();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
