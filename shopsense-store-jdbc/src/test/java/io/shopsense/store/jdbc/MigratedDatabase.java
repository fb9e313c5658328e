package io.shopsense.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shopsense.store.contract.PostgresTestDatabase;
import java.nio.file.Path;

/**
 * The database of one store test: migrated by {@link JdbcStores} (so the store's migration runs with every other),
 * then reached through a pool of its own, as a store is given the stores' pool or their {@link Sql}. H2: a file
 * database in the test's directory; PostgreSQL: a fresh schema.
 */
public final class MigratedDatabase implements AutoCloseable {
  private final JdbcStores stores;
  private final HikariDataSource pool;

  private MigratedDatabase(JdbcStores stores, HikariConfig config) {
    this.stores = stores;
    config.setMaximumPoolSize(8);
    this.pool = new HikariDataSource(config);
  }

  public static MigratedDatabase h2(Path dir) {
    JdbcStores stores = JdbcStores.h2(dir);
    HikariConfig config = new HikariConfig();
    // the same file and settings as JdbcStores.h2; H2 shares the open database within the process
    config.setJdbcUrl("jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("shopsense")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
        + ";DB_CLOSE_ON_EXIT=FALSE");
    config.setUsername("sa");
    config.setPassword("");
    return new MigratedDatabase(stores, config);
  }

  public static MigratedDatabase postgres(PostgresTestDatabase pg) {
    String schema = pg.newSchema();
    JdbcStores stores = JdbcStores.postgres(pg.url(), pg.user(), pg.password(), schema);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(pg.url());
    config.setUsername(pg.user());
    config.setPassword(pg.password() == null ? "" : pg.password());
    config.setSchema(schema);
    return new MigratedDatabase(stores, config);
  }

  /** The pool, as the stores that take a data source are given it. */
  public javax.sql.DataSource dataSource() {
    return pool;
  }

  /** The pool as the stores that take a {@link Sql} are given it. */
  public Sql sql() {
    return new Sql(pool);
  }

  @Override
  public void close() {
    pool.close();
    stores.close();
  }
}
