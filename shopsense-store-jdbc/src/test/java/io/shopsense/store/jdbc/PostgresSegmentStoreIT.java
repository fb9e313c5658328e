package io.shopsense.store.jdbc;

import io.shopsense.api.profile.SegmentStore;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.SegmentStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SegmentStoreContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresSegmentStoreIT extends SegmentStoreContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected SegmentStore open() {
    return stores.open().segmentStore();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
