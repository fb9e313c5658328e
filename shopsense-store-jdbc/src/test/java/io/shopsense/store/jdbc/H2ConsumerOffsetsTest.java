package io.shopsense.store.jdbc;

import io.shopsense.api.collect.ConsumerOffsets;
import io.shopsense.store.contract.ConsumerOffsetsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link ConsumerOffsetsContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2ConsumerOffsetsTest extends ConsumerOffsetsContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected ConsumerOffsets open() {
    return stores.open().consumerOffsets();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
