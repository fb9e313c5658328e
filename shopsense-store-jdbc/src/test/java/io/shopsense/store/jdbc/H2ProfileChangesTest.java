package io.shopsense.store.jdbc;

import io.shopsense.api.profile.ProfileChanges;
import io.shopsense.store.contract.ProfileChangesContract;
import java.nio.file.Path;
import org.h2.util.DateTimeUtils;
import org.junit.jupiter.api.io.TempDir;

/** The {@link ProfileChangesContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2ProfileChangesTest extends ProfileChangesContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);

  @Override
  protected ProfileChanges open() {
    return stores.open().profileChanges();
  }

  @Override
  protected void close() {
    stores.close();
  }

  /** H2 takes each session's time zone from a copy of the JVM default it made once. */
  @Override
  protected void defaultTimeZoneChanged() {
    DateTimeUtils.resetCalendar();
  }
}
