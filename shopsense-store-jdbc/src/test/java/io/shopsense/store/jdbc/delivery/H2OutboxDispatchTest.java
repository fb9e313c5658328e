package io.shopsense.store.jdbc.delivery;

import io.shopsense.store.contract.delivery.OutboxDispatchContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link OutboxDispatchContract} on an H2 file database. */
class H2OutboxDispatchTest extends OutboxDispatchContract {
  @TempDir
  Path dir;
  private final DeliveryDatabase db = DeliveryDatabase.h2(() -> dir);

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
