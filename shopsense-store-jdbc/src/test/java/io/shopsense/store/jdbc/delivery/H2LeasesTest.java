package io.shopsense.store.jdbc.delivery;

import io.shopsense.api.delivery.Leases;
import io.shopsense.store.contract.delivery.LeasesContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link LeasesContract} on an H2 file database. */
class H2LeasesTest extends LeasesContract {
  @TempDir
  Path dir;
  private final DeliveryDatabase db = DeliveryDatabase.h2(() -> dir);

  @Override
  protected Leases open() {
    return db.open().leases();
  }

  @Override
  protected void close() {
    db.close();
  }
}
