package io.shopsense.store.jdbc.journey;

import io.shopsense.store.jdbc.MigratedDatabase;
import io.shopsense.api.journey.BroadcastStore;
import io.shopsense.store.contract.journey.BroadcastStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link BroadcastStoreContract} on an H2 file database. */
class H2BroadcastStoreTest extends BroadcastStoreContract {
  @TempDir
  Path dir;
  private MigratedDatabase db;

  @Override
  protected BroadcastStore open() {
    db = MigratedDatabase.h2(dir.resolve("db"));
    return new JdbcBroadcastStore(db.sql());
  }

  @Override
  protected void close() {
    if (db != null) {
      db.close();
      db = null;
    }
  }
}
