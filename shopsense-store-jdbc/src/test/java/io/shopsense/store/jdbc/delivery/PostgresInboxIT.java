package io.shopsense.store.jdbc.delivery;

import io.shopsense.api.delivery.Inbox;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.delivery.InboxContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link InboxContract} on PostgreSQL, a fresh schema per test. */
class PostgresInboxIT extends InboxContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final DeliveryDatabase db = DeliveryDatabase.postgres(PG);

  @Override
  protected Inbox open() {
    return db.open().inbox();
  }

  @Override
  protected void close() {
    db.close();
  }
}
