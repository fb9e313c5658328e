package io.shopsense.store.jdbc;

import io.shopsense.api.collect.ConsumerOffsets;
import io.shopsense.store.contract.ConsumerOffsetsContract;
import io.shopsense.store.contract.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link ConsumerOffsetsContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresConsumerOffsetsIT extends ConsumerOffsetsContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);

  @Override
  protected ConsumerOffsets open() {
    return stores.open().consumerOffsets();
  }

  @Override
  protected void close() {
    stores.close();
  }
}
