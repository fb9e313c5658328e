package io.shopsense.platform;

import io.shopsense.api.UnitOfWork;
import io.shopsense.api.access.ApiKeys;
import io.shopsense.api.access.ConsoleSessions;
import io.shopsense.api.access.ConsoleUsers;
import io.shopsense.api.catalog.Catalog;
import io.shopsense.api.collect.ConsumerOffsets;
import io.shopsense.api.collect.EventLog;
import io.shopsense.api.collect.QualityCounters;
import io.shopsense.api.collect.Quarantine;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.api.identity.TraitStore;
import io.shopsense.api.privacy.ConsentLedger;
import io.shopsense.api.privacy.ErasureRegister;
import io.shopsense.api.privacy.PrivacyRequests;
import io.shopsense.api.profile.ProfileChanges;
import io.shopsense.api.profile.ProfileStore;
import io.shopsense.api.profile.SegmentStore;
import java.util.List;

/**
 * One opened backend: an implementation of every store port, the unit of work that makes a consumer's many store
 * calls commit together, what to close when done, and the stores' personal fields that can be sealed (for the
 * cipher and key rotation; empty for a backend that seals nothing), and the stores of campaigns and journeys.
 */
public record Stores(
    String backend,
    EventLog eventLog,
    Quarantine quarantine,
    QualityCounters qualityCounters,
    ConsumerOffsets consumerOffsets,
    IdentityGraph identityGraph,
    TraitStore traitStore,
    Catalog catalog,
    ApiKeys apiKeys,
    ProfileStore profileStore,
    ProfileChanges profileChanges,
    SegmentStore segmentStore,
    ConsentLedger consentLedger,
    io.shopsense.api.audit.AuditLog auditLog,
    io.shopsense.api.privacy.UsageLog usageLog,
    ConsoleUsers consoleUsers,
    ConsoleSessions consoleSessions,
    PrivacyRequests privacyRequests,
    ErasureRegister erasureRegister,
    UnitOfWork unitOfWork,
    List<AutoCloseable> resources,
    List<io.shopsense.api.crypto.SealedFields> sealedFields,
    io.shopsense.platform.campaign.CampaignStores campaigns) implements AutoCloseable {

  /** The campaign stores of a JDBC backend. */
  static io.shopsense.platform.campaign.CampaignStores campaigns(io.shopsense.store.jdbc.JdbcStores db) {
    return new io.shopsense.platform.campaign.CampaignStores(db.contactLog(), db.contactBlocks(),
        db.contactPreferences(), db.suppressionLog(), db.delivery().outbox(), db.delivery().leases(),
        db.delivery().inbox(), db.journeyStore(), db.broadcastStore(), db.templateStore(), db.offers().couponStore(),
        db.offers().offerStore());
  }

  /** Closes the resources in reverse order of opening; the first failure is rethrown after all are tried. */
  @Override
  public void close() {
    closeAll(backend, resources);
  }

  /** Closes {@code resources} in reverse order of opening (also what a provider does when opening fails midway). */
  static void closeAll(String backend, List<AutoCloseable> resources) {
    RuntimeException failure = null;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("could not close the " + backend + " stores cleanly", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
