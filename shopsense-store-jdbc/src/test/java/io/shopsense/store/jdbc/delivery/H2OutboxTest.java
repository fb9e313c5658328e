package io.shopsense.store.jdbc.delivery;

import io.shopsense.api.delivery.Outbox;
import io.shopsense.store.contract.delivery.OutboxContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link OutboxContract} on an H2 file database. */
class H2OutboxTest extends OutboxContract {
  @TempDir
  Path dir;
  private final DeliveryDatabase db = DeliveryDatabase.h2(() -> dir);

  @Override
  protected Outbox open() {
    return db.open().outbox();
  }

  @Override
  protected void close() {
    db.close();
  }
}
