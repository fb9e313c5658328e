package io.shopsense.store.jdbc;

import io.shopsense.api.audit.AuditLog;
import io.shopsense.store.contract.AuditLogContract;
import io.shopsense.store.contract.PostgresTestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.audit.AuditEntry;
import io.shopsense.api.audit.AuditRecord;
import io.shopsense.core.audit.AuditVerification;
import io.shopsense.core.audit.AuditVerifier;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@link AuditLogContract} on PostgreSQL, a fresh schema per test; a reopen makes a new pool on it. Also: two
 * servers (two pools) appending to one schema never fork the chain.
 */
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

  @Test
  void twoServersSharingTheSchemaNeverForkTheChain() throws Exception {
    String schema = PG.newSchemaName();
    try (JdbcStores one = JdbcStores.postgres(PG.url(), PG.user(), PG.password(), schema);
        JdbcStores two = JdbcStores.postgres(PG.url(), PG.user(), PG.password(), schema)) {
      Instant t = Instant.parse("2026-03-01T10:00:00Z");
      List<CompletableFuture<Void>> writers = List.of(one, two, one, two).stream()
          .map(s -> CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 30; i++) {
              s.auditLog().append(new AuditRecord(t, "key:" + s.hashCode(), "POST /v1/segments", null, "201"));
            }
          })).toList();
      CompletableFuture.allOf(writers.toArray(new CompletableFuture[0])).get();

      assertThat(one.auditLog().after(0, 1_000)).extracting(AuditEntry::seq).hasSize(120).doesNotHaveDuplicates();
      assertThat(AuditVerifier.verify(two.auditLog(), List.of())).isInstanceOf(AuditVerification.Intact.class);
    }
  }
}
