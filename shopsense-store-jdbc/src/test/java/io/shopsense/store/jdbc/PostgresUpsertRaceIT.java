package io.shopsense.store.jdbc;

import io.shopsense.store.contract.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresUpsertRaceIT extends UpsertRaceBehaviour {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected ReopenableStores stores() {
    return stores;
  }
}
