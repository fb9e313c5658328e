package io.shopsense.store.jdbc.journey;

import io.shopsense.store.jdbc.MigratedDatabase;
import io.shopsense.api.journey.BroadcastStore;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.journey.BroadcastStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link BroadcastStoreContract} on PostgreSQL, a fresh schema per test. */
class PostgresBroadcastStoreIT extends BroadcastStoreContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private MigratedDatabase db;

  @Override
  protected BroadcastStore open() {
    db = MigratedDatabase.postgres(PG);
    return new JdbcBroadcastStore(db.sql());
  }

  @Override
  protected void close() {
    if (db != null) {
      db.close();
      db = null;
    }
  }
}
