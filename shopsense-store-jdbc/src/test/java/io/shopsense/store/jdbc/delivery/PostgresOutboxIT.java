package io.shopsense.store.jdbc.delivery;

import io.shopsense.api.delivery.Outbox;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.delivery.OutboxContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link OutboxContract} on PostgreSQL, a fresh schema per test. */
class PostgresOutboxIT extends OutboxContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final DeliveryDatabase db = DeliveryDatabase.postgres(PG);

  @Override
  protected Outbox open() {
    return db.open().outbox();
  }

  @Override
  protected void close() {
    db.close();
  }
}
