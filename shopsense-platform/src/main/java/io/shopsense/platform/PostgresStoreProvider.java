package io.shopsense.platform;

import io.shopsense.store.jdbc.JdbcStores;
import java.util.List;

/** PostgreSQL for every store, the event log included: for shops that run a database server already. */
final class PostgresStoreProvider implements StoreProvider {

  @Override
  public String id() {
    return "postgres";
  }

  @Override
  public Stores open(StoreSettings settings) {
    StoreSettings.Postgres pg = settings.postgres();
    JdbcStores db = JdbcStores.postgres(pg.url(), pg.user(), pg.password(), pg.schema());
    try {
      return new Stores(id(), db.eventLog(), db.quarantine(), db.qualityCounters(), db.consumerOffsets(),
          db.identityGraph(), db.traitStore(), db.catalog(), db.apiKeys(), db.profileStore(), db.profileChanges(),
          db.segmentStore(), db.consentLedger(), db.auditLog(), db.usageLog(), db.consoleUsers(), db.consoleSessions(),
          db.privacyRequests(), db.erasureRegister(), db.unitOfWork(), List.of(db),
          List.of(db.sealedTraits()), Stores.campaigns(db));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }
}
