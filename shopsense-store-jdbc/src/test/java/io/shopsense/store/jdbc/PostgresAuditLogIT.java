package io.shopsense.store.jdbc;

import io.shopsense.api.audit.AuditLog;
import io.shopsense.store.contract.AuditLogContract;
import io.shopsense.store.contract.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link AuditLogContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. */
class PostgresAuditLogIT extends AuditLogContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);
  private JdbcStores current;

  @Override
  protected AuditLog open() {
    current = stores.open();
    return current.auditLog();
  }

  @Override
  protected void close() {
    stores.close();
  }

  @Override
  protected void execute(String statement) throws Exception {
    try (var c = current.dataSource().getConnection(); var s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
