package io.shopsense.store.jdbc.offer;

import io.shopsense.store.jdbc.MigratedDatabase;
import io.shopsense.api.offer.OfferStore;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.offer.OfferStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link OfferStoreContract} on PostgreSQL, a fresh schema per test. */
class PostgresOfferStoreIT extends OfferStoreContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private MigratedDatabase db;

  @Override
  protected OfferStore open() {
    db = MigratedDatabase.postgres(PG);
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
