package io.shopsense.store.jdbc.offer;

import io.shopsense.api.offer.OfferStore;
import io.shopsense.store.contract.offer.OfferStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link OfferStoreContract} on an H2 file database. */
class H2OfferStoreTest extends OfferStoreContract {
  @TempDir
  Path dir;
  private OfferDatabase db;

  @Override
  protected OfferStore open() {
    db = OfferDatabase.h2(dir.resolve("db"));
    return db.offers().offerStore();
  }

  @Override
  protected void close() {
    if (db != null) {
      db.close();
      db = null;
    }
  }
}
