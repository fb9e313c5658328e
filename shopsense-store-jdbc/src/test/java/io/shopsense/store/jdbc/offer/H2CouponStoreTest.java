package io.shopsense.store.jdbc.offer;

import io.shopsense.store.jdbc.MigratedDatabase;
import io.shopsense.api.offer.CouponStore;
import io.shopsense.store.contract.offer.CouponStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link CouponStoreContract} on an H2 file database. */
class H2CouponStoreTest extends CouponStoreContract {
  @TempDir
  Path dir;
  private MigratedDatabase db;

  @Override
  protected CouponStore open() {
    db = MigratedDatabase.h2(dir.resolve("db"));
    return new JdbcOffers(db.dataSource()).couponStore();
  }

  @Override
  protected void close() {
    if (db != null) {
      db.close();
      db = null;
    }
  }
}
