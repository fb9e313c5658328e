package io.shopsense.store.jdbc.offer;

import io.shopsense.api.offer.CouponStore;
import io.shopsense.store.contract.offer.CouponStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link CouponStoreContract} on an H2 file database. */
class H2CouponStoreTest extends CouponStoreContract {
  @TempDir
  Path dir;
  private OfferDatabase db;

  @Override
  protected CouponStore open() {
    db = OfferDatabase.h2(dir.resolve("db"));
    return db.offers().couponStore();
  }

  @Override
  protected void close() {
    if (db != null) {
      db.close();
      db = null;
    }
  }
}
