package io.shopsense.store.jdbc;

import io.shopsense.api.profile.SegmentStore;
import io.shopsense.store.contract.SegmentStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link SegmentStoreContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2SegmentStoreTest extends SegmentStoreContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected SegmentStore open() {
    return stores.open().segmentStore();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
