package io.shopsense.store.jdbc.offer;

import io.shopsense.store.jdbc.MigratedDatabase;
import io.shopsense.api.offer.OfferStore;
import io.shopsense.store.contract.offer.OfferStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link OfferStoreContract} on an H2 file database. */
class H2OfferStoreTest extends OfferStoreContract {
  @TempDir
  Path dir;
  private MigratedDatabase db;

  @Override
  protected OfferStore open() {
    db = MigratedDatabase.h2(dir.resolve("db"));
    return new JdbcOffers(db.dataSource()).offerStore();
  }

  @Override
  protected void close() {
    if (db != null) {
      db.close();
      db = null;
    }
  }
}
