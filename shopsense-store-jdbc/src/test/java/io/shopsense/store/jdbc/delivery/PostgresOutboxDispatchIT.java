package io.shopsense.store.jdbc.delivery;

import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.delivery.OutboxDispatchContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link OutboxDispatchContract} on PostgreSQL, a fresh schema per test. */
class PostgresOutboxDispatchIT extends OutboxDispatchContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final DeliveryDatabase db = DeliveryDatabase.postgres(PG);

  @Override
  protected Stores open() {
    JdbcDelivery d = db.open();
    return new Stores(d.outbox(), d.inbox());
  }

  @Override
  protected void close() {
    db.close();
  }
}
