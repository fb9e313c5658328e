package io.shopsense.store.jdbc.delivery;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shopsense.store.contract.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;

/**
 * The database of one delivery contract test, migrated by the module's own migrations as {@code JdbcStores} would:
 * an H2 file in the test's temporary directory, or a fresh PostgreSQL schema. Reopenable, like a restart.
 */
final class DeliveryDatabase implements AutoCloseable {
  // as JdbcStores opens H2
  private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
      + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=128";

  private final Supplier<HikariConfig> config;
  private final String[] locations;
  private final Supplier<String> schema;
  private HikariDataSource pool;

  private DeliveryDatabase(Supplier<HikariConfig> config, Supplier<String> schema, String... locations) {
    this.config = config;
    this.schema = schema;
    this.locations = locations;
  }

  static DeliveryDatabase h2(Supplier<Path> dir) {
    return new DeliveryDatabase(() -> {
      HikariConfig c = new HikariConfig();
      c.setJdbcUrl("jdbc:h2:file:" + dir.get().resolve("db").resolve("shopsense").toAbsolutePath() + H2_OPTIONS);
      c.setUsername("sa");
      c.setPassword("");
      c.setMaximumPoolSize(4);
      return c;
    }, () -> null, "classpath:db/migration/common", "classpath:db/migration/h2");
  }

  static DeliveryDatabase postgres(PostgresTestDatabase pg) {
    String[] made = new String[1];
    Supplier<String> schema = () -> {
      if (made[0] == null) {
        made[0] = pg.newSchema();
      }
      return made[0];
    };
    return new DeliveryDatabase(() -> {
      HikariConfig c = new HikariConfig();
      c.setJdbcUrl(pg.url());
      c.setUsername(pg.user());
      c.setPassword(pg.password());
      c.setSchema(schema.get());
      c.addDataSourceProperty("reWriteBatchedInserts", "true");
      c.setMaximumPoolSize(8);
      return c;
    }, schema, "classpath:db/migration/common", "classpath:db/migration/postgresql");
  }

  /** Opens (or reopens) the database, migrated. */
  JdbcDelivery open() {
    if (pool != null) {
      throw new IllegalStateException("close before opening again");
    }
    pool = new HikariDataSource(config.get());
    var flyway = Flyway.configure().dataSource(pool).locations(locations).failOnMissingLocations(true);
    String s = schema.get();
    if (s != null) {
      flyway.schemas(s).defaultSchema(s);
    }
    flyway.load().migrate();
    return JdbcDelivery.on(pool);
  }

  /** The PostgreSQL schema (made on first use); null on H2. */
  String schema() {
    return schema.get();
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
      pool = null;
    }
  }
}
