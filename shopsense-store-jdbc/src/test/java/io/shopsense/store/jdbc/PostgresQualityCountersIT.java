package io.shopsense.store.jdbc;

import io.shopsense.api.collect.QualityCounters;
import io.shopsense.store.contract.QualityCountersContract;
import io.shopsense.store.contract.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link QualityCountersContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresQualityCountersIT extends QualityCountersContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected QualityCounters open() {
    return stores.open().qualityCounters();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
