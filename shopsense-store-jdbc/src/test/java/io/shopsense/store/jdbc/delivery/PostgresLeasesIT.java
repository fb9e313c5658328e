package io.shopsense.store.jdbc.delivery;

import io.shopsense.api.delivery.Leases;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.delivery.LeasesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link LeasesContract} on PostgreSQL, a fresh schema per test. */
class PostgresLeasesIT extends LeasesContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final DeliveryDatabase db = DeliveryDatabase.postgres(PG);

  @Override
  protected Leases open() {
    return db.open().leases();
  }

  @Override
  protected void close() {
    db.close();
  }
}
