package io.shopsense.store.jdbc;

import io.shopsense.api.collect.QualityCounters;
import io.shopsense.store.contract.QualityCountersContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link QualityCountersContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2QualityCountersTest extends QualityCountersContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected QualityCounters open() {
    return stores.open().qualityCounters();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
