package io.shopsense.store.jdbc.journey;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shopsense.store.contract.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;

/**
 * A migrated database for the journey store's contract tests, opened again on the same storage after a close (a
 * restart): an H2 file database in the test's directory, or a schema of its own on the test PostgreSQL server. The
 * migrations are the stores' own (common + backend), as {@code JdbcStores} runs them.
 */
final class JourneyDatabases {
  private final Supplier<HikariDataSource> opener;
  private HikariDataSource current;

  private JourneyDatabases(Supplier<HikariDataSource> opener) {
    this.opener = opener;
  }

  static JourneyDatabases h2(Supplier<Path> directory) {
    return new JourneyDatabases(() -> {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl("jdbc:h2:file:" + directory.get().resolve("db").resolve("shopsense").toAbsolutePath()
          + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
          + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
      config.setUsername("sa");
      config.setPassword("");
      config.setMaximumPoolSize(4);
      HikariDataSource ds = new HikariDataSource(config);
      Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2")
          .loggers("slf4j").load().migrate();
      return ds;
    });
  }

  static JourneyDatabases postgres(PostgresTestDatabase pg) {
    String[] schema = new String[1];
    return new JourneyDatabases(() -> {
      if (schema[0] == null) {
        schema[0] = pg.newSchemaName();
      }
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(pg.url());
      config.setUsername(pg.user());
      config.setPassword(pg.password());
      config.setSchema(schema[0]);
      config.setMaximumPoolSize(8);
      HikariDataSource ds = new HikariDataSource(config);
      Flyway.configure().dataSource(ds).schemas(schema[0]).defaultSchema(schema[0]).createSchemas(true)
          .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").loggers("slf4j")
          .load().migrate();
      return ds;
    });
  }

  JdbcJourneyStore open() {
    if (current != null) {
      throw new IllegalStateException("close before opening again");
    }
    current = opener.get();
    return new JdbcJourneyStore(current);
  }

  void close() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
