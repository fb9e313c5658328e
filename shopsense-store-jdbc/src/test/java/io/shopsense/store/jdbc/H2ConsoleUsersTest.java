package io.shopsense.store.jdbc;

import io.shopsense.api.access.ConsoleUsers;
import io.shopsense.store.contract.ConsoleUsersContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link ConsoleUsersContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2ConsoleUsersTest extends ConsoleUsersContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected ConsoleUsers open() {
    return stores.open().consoleUsers();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
