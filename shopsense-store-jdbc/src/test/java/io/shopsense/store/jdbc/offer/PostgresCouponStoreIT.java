package io.shopsense.store.jdbc.offer;

import io.shopsense.api.offer.CouponStore;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.offer.CouponStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link CouponStoreContract} on PostgreSQL, a fresh schema per test. */
class PostgresCouponStoreIT extends CouponStoreContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private OfferDatabase db;

  @Override
  protected CouponStore open() {
    db = OfferDatabase.postgres(PG);
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
