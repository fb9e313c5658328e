package io.shopsense.store.jdbc.delivery;

import io.shopsense.api.delivery.Inbox;
import io.shopsense.store.contract.delivery.InboxContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link InboxContract} on an H2 file database. */
class H2InboxTest extends InboxContract {
  @TempDir
  Path dir;
  private final DeliveryDatabase db = DeliveryDatabase.h2(() -> dir);

  @Override
  protected Inbox open() {
    return db.open().inbox();
  }

  @Override
  protected void close() {
    db.close();
  }
}
