package io.shopsense.store.jdbc;

import io.shopsense.store.contract.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The storage of one contract test: opened on first use, reopened on the same database after a close, as a restart
 * would. H2: a file database in the test's temporary directory. PostgreSQL: a fresh schema per test.
 */
final class ReopenableStores {
  private final Supplier<JdbcStores> opener;
  private JdbcStores current;

  private ReopenableStores(Supplier<JdbcStores> opener) {
    this.opener = opener;
  }

  /** An H2 file database under the directory the supplier gives (a JUnit temporary directory, known only later). */
  static ReopenableStores h2(Supplier<Path> directory) {
    return new ReopenableStores(() -> JdbcStores.h2(directory.get().resolve("db")));
  }

  /** A schema of its own on the test server, made on first open. */
  static ReopenableStores postgres(PostgresTestDatabase pg) {
    String[] schema = new String[1];
    return new ReopenableStores(() -> {
      if (schema[0] == null) {
        schema[0] = pg.newSchema();
      }
      return JdbcStores.postgres(pg.url(), pg.user(), pg.password(), schema[0]);
    });
  }

  JdbcStores open() {
    if (current != null) {
      throw new IllegalStateException("close the stores before opening them again");
    }
    current = opener.get();
    return current;
  }

  /** The stores opened last, still open. */
  JdbcStores current() {
    if (current == null) {
      throw new IllegalStateException("the stores are not open");
    }
    return current;
  }

  void close() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
