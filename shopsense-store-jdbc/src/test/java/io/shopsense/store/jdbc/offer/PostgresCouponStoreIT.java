package io.shopsense.store.jdbc.offer;

import io.shopsense.store.jdbc.MigratedDatabase;
import io.shopsense.api.offer.CouponStore;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.offer.CouponStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link CouponStoreContract} on PostgreSQL, a fresh schema per test. */
class PostgresCouponStoreIT extends CouponStoreContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private MigratedDatabase db;

  @Override
  protected CouponStore open() {
    db = MigratedDatabase.postgres(PG);
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
