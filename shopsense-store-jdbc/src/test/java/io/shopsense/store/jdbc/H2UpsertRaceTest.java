package io.shopsense.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2UpsertRaceTest extends UpsertRaceBehaviour {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected ReopenableStores stores() {
    return stores;
  }
}
