package io.shopsense.store.jdbc.offer;

import io.shopsense.api.offer.OfferStore;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.offer.OfferStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link OfferStoreContract} on PostgreSQL, a fresh schema per test. */
class PostgresOfferStoreIT extends OfferStoreContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private OfferDatabase db;

  @Override
  protected OfferStore open() {
    db = OfferDatabase.postgres(PG);
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
