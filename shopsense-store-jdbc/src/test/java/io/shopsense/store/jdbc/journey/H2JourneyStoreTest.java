package io.shopsense.store.jdbc.journey;

import io.shopsense.api.journey.JourneyStore;
import io.shopsense.store.contract.journey.JourneyStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link JourneyStoreContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2JourneyStoreTest extends JourneyStoreContract {
  @TempDir
  Path dir;
  private final JourneyDatabases databases = JourneyDatabases.h2(() -> dir);

  @Override
  protected JourneyStore open() {
    return databases.open();
  }

  @Override
  protected void close() {
    databases.close();
  }
}
