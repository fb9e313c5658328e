package io.shopsense.store.jdbc.journey;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.jdbc.JdbcStores;
import io.shopsense.store.jdbc.Sql;
import java.nio.file.Path;

/**
 * The database of one broadcast store test: migrated by {@link JdbcStores} (so V13 runs with every other migration),
 * then reached through a pool of its own, as the store will be given a {@link Sql} on the stores' pool. H2: a file
 * database in the test's directory; PostgreSQL: a fresh schema.
 */
final class BroadcastDatabase implements AutoCloseable {
  private final JdbcStores stores;
  private final HikariDataSource pool;

  private BroadcastDatabase(JdbcStores stores, HikariConfig config) {
    this.stores = stores;
    config.setMaximumPoolSize(8);
    this.pool = new HikariDataSource(config);
  }

  static BroadcastDatabase h2(Path dir) {
    JdbcStores stores = JdbcStores.h2(dir);
    HikariConfig config = new HikariConfig();
    // the same file and settings as JdbcStores.h2; H2 shares the open database within the process
    config.setJdbcUrl("jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("shopsense")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
        + ";DB_CLOSE_ON_EXIT=FALSE");
    config.setUsername("sa");
    config.setPassword("");
    return new BroadcastDatabase(stores, config);
  }

  static BroadcastDatabase postgres(PostgresTestDatabase pg) {
    String schema = pg.newSchema();
    JdbcStores stores = JdbcStores.postgres(pg.url(), pg.user(), pg.password(), schema);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(pg.url());
    config.setUsername(pg.user());
    config.setPassword(pg.password() == null ? "" : pg.password());
    config.setSchema(schema);
    return new BroadcastDatabase(stores, config);
  }

  JdbcBroadcastStore broadcastStore() {
    return new JdbcBroadcastStore(new Sql(pool));
  }

  @Override
  public void close() {
    pool.close();
    stores.close();
  }
}
