package io.shopsense.platform;

import io.shopsense.store.jdbc.JdbcStores;
import io.shopsense.store.log.Durability;
import io.shopsense.store.log.SegmentEventLog;
import io.shopsense.store.log.SegmentLogSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded default: no server. Events in the segmented file log (fast, group-committed), everything else in an
 * H2 file database, both under the data directory.
 */
final class EmbeddedStoreProvider implements StoreProvider {

  @Override
  public String id() {
    return "embedded";
  }

  @Override
  public Stores open(StoreSettings settings) {
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      SegmentEventLog log = SegmentEventLog.open(settings.dataDir().resolve("events"),
          new SegmentLogSettings(settings.segmentBytes(), settings.logFsync() ? Durability.FSYNC : Durability.WRITE));
      resources.add(log);
      JdbcStores db = JdbcStores.h2(settings.dataDir().resolve("db"));
      resources.add(db);
      return new Stores(id(), log, db.quarantine(), db.qualityCounters(), db.consumerOffsets(), db.identityGraph(),
          db.traitStore(), db.catalog(), db.apiKeys(), db.profileStore(), db.profileChanges(), db.segmentStore(),
          db.consentLedger(), db.auditLog(), db.usageLog(), db.consoleUsers(), db.consoleSessions(), db.privacyRequests(),
          db.erasureRegister(), db.unitOfWork(), resources,
          List.of(db.sealedTraits()), Stores.campaigns(db));
    } catch (RuntimeException e) {
      Stores.closeAll(id(), resources);
      throw e;
    }
  }
}
