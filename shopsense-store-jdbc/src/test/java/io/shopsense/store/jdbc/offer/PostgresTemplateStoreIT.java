package io.shopsense.store.jdbc.offer;

import io.shopsense.store.jdbc.MigratedDatabase;
import io.shopsense.api.offer.TemplateStore;
import io.shopsense.store.contract.PostgresTestDatabase;
import io.shopsense.store.contract.offer.TemplateStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link TemplateStoreContract} on PostgreSQL, a fresh schema per test. */
class PostgresTemplateStoreIT extends TemplateStoreContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private MigratedDatabase db;

  @Override
  protected TemplateStore open() {
    db = MigratedDatabase.postgres(PG);
    return new JdbcTemplateStore(db.sql());
  }

  @Override
  protected void close() {
    if (db != null) {
      db.close();
      db = null;
    }
  }
}
