package io.shopsense.store.jdbc;

import io.shopsense.api.audit.AuditLog;
import io.shopsense.store.contract.AuditLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link AuditLogContract} on an H2 file database; a reopen closes it and opens the same file again. */
class H2AuditLogTest extends AuditLogContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);
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
