package io.shopsense.store.jdbc;

import io.shopsense.api.privacy.PrivacyRequests;
import io.shopsense.store.contract.PrivacyRequestsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link PrivacyRequestsContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2PrivacyRequestsTest extends PrivacyRequestsContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected PrivacyRequests open() {
    return stores.open().privacyRequests();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
