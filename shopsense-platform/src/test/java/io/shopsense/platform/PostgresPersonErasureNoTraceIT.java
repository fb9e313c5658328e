package io.shopsense.platform;

import io.shopsense.store.contract.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The no-trace erasure test with every store in PostgreSQL (the event log in the {@code events} table): every table
 * and text column of the schema, every file under the data directory (the lake), the lake read back through DuckDB
 * and a fresh export.
 */
class PostgresPersonErasureNoTraceIT extends PersonErasureNoTraceTest {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();

  @Override
  protected PlatformSettings settings(Path data) {
    PlatformSettings e = PlatformFixture.embedded(data);
    StoreSettings pg = new StoreSettings("postgres", data, new StoreSettings.Postgres(PG.url(), PG.user(),
        PG.password(), PG.schema()), true, e.store().segmentBytes());
    return new PlatformSettings(pg, e.ingest(), e.identity(), e.lake(), e.profile());
  }

  @Override
  protected Connection database(Path data) throws Exception {
    return DriverManager.getConnection(PG.url(), PG.user(), PG.password());
  }

  @Override
  protected String schema() {
    return PG.schema();
  }
}
