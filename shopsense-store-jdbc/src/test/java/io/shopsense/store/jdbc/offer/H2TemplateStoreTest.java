package io.shopsense.store.jdbc.offer;

import io.shopsense.store.jdbc.MigratedDatabase;
import io.shopsense.api.offer.TemplateStore;
import io.shopsense.store.contract.offer.TemplateStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link TemplateStoreContract} on an H2 file database. */
class H2TemplateStoreTest extends TemplateStoreContract {
  @TempDir
  Path dir;
  private MigratedDatabase db;

  @Override
  protected TemplateStore open() {
    db = MigratedDatabase.h2(dir.resolve("db"));
    return new JdbcTemplateStore(db.sql());
  }

  @Override
  protected void close() {
    if (db != null) {
      db.close();
      db = null;
    }
  }
}
