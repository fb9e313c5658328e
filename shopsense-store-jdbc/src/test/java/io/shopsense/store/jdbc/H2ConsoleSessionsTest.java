package io.shopsense.store.jdbc;

import io.shopsense.api.access.ConsoleSessions;
import io.shopsense.store.contract.ConsoleSessionsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link ConsoleSessionsContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2ConsoleSessionsTest extends ConsoleSessionsContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected ConsoleSessions open() {
    return stores.open().consoleSessions();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
