package io.shopsense.platform;

import io.shopsense.api.collect.ErasedEvents;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.id.UserId;
import io.shopsense.api.profile.StoredProfile;
import io.shopsense.core.access.ApiKeyService;
import io.shopsense.core.catalog.CatalogService;
import io.shopsense.core.collect.BufferedQualityCounters;
import io.shopsense.core.collect.IngestListener;
import io.shopsense.core.collect.Ingestor;
import io.shopsense.core.collect.QualityReports;
import io.shopsense.core.collect.QuarantineService;
import io.shopsense.core.consent.ConsentFollower;
import io.shopsense.core.consent.ConsentGate;
import io.shopsense.core.consent.ConsentService;
import io.shopsense.core.consent.LedgerConsentCheck;
import io.shopsense.core.crypto.KeyDirectory;
import io.shopsense.core.crypto.KeyRotation;
import io.shopsense.core.crypto.Pseudonymizer;
import io.shopsense.core.identity.IdentityConsumer;
import io.shopsense.core.identity.IdentityResolver;
import io.shopsense.core.identity.PersonDirectory;
import io.shopsense.core.imports.Importer;
import io.shopsense.core.pipeline.LogConsumer;
import io.shopsense.core.pipeline.Pipeline;
import io.shopsense.core.privacy.ErasureRunner;
import io.shopsense.core.privacy.ErasureStep;
import io.shopsense.core.privacy.PersonalDataSection;
import io.shopsense.core.privacy.PrivacyRequestService;
import io.shopsense.core.privacy.internal.StoreSections;
import io.shopsense.core.privacy.internal.StoreSteps;
import io.shopsense.core.profile.ProfileConsumer;
import io.shopsense.core.profile.ProfileEngine;
import io.shopsense.core.profile.ProfileModel;
import io.shopsense.core.profile.ProfileRefresh;
import io.shopsense.core.profile.ProfileService;
import io.shopsense.core.profile.ProfileSettings;
import io.shopsense.core.profile.ProfileState;
import io.shopsense.core.profile.ProfileWriter;
import io.shopsense.core.profile.SegmentService;
import io.shopsense.lake.LakeProfileSource;
import io.shopsense.lake.LakeWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One assembled ShopSense: the stores chosen by the settings, the ingest path, the consumers that follow the event
 * log (identity, lake), and the services on top. The server exposes it over HTTP; the CLI and the tests use it
 * directly. Open, then {@link #start()} the pipeline; {@link #close()} stops everything in order.
 */
public final class Platform implements AutoCloseable {
  private final PlatformSettings settings;
  private final Stores stores;
  private final BufferedQualityCounters counters;
  private final Ingestor ingestor;
  private final QuarantineService quarantine;
  private final QualityReports quality;
  private final CatalogService catalog;
  private final PersonDirectory persons;
  private final ApiKeyService apiKeys;
  private final Importer importer;
  private final Pipeline pipeline;
  /** Workers decoding and folding in a batch rebuild while DuckDB reads. */
  private static final int REBUILD_THREADS = 2;
  private final Clock clock;
  private final ProfileEngine profileEngine;
  private final ProfileConsumer profileConsumer;
  private final ProfileService profiles;
  private final SegmentService segments;
  private final ProfileWriter profileWriter;
  private final ProfileRefresh profileRefresh;
  /** The audit trail: request auditing and features' domain events (the anchor file is in the data directory). */
  private final io.shopsense.core.audit.AuditTrail audit;
  /** Counts segment entries in the usage log from the profile change feed, on a thread of its own. */
  private final io.shopsense.core.usage.SegmentUsageFollower usageFollower;
  /** Buffers the usage counts of hot paths (recommendations served, messages sent), flushed every second. */
  private final io.shopsense.core.usage.UsageRecorder usageRecorder;
  private final java.util.concurrent.ScheduledExecutorService usageThread =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "usage-follower");
        t.setDaemon(true);
        return t;
      });
  private final PrivacyRequestService privacyRequests;
  private volatile boolean started;
  /** The lake's writer, null when the lake is off; set once in the constructor. Erasure and retention go through it. */
  private LakeWriter lakeWriter;
  /** Consumers that hold resources (the lake writer's lock and DuckDB), closed once the pipeline has stopped. */
  private final List<AutoCloseable> closeAfterPipeline = new ArrayList<>();
  private final LedgerConsentCheck consentCheck;
  private final ConsentService consent;
  private final ConsentFollower consentFollower;
  /** The key ring, or null when nothing is sealed (no crypto settings). */
  private final KeyDirectory keys;
  /** The served recommendation models and catalog snapshot, their serving contexts and the serving path. */
  private final RecommendationModels recommendations;
  private final ProfileContexts personContexts;
  private final ServingPersons servingPersons;
  private final io.shopsense.core.recommend.serve.RecommendationService recommendationService;
  private final io.shopsense.platform.campaign.Campaigns campaigns;
  /** Checks erasures against the served models and warms them up; its own thread, as a training may take minutes. */
  private final java.util.concurrent.ScheduledExecutorService recommendThread =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "recommend-models");
        t.setDaemon(true);
        return t;
      });

  private Platform(PlatformSettings settings, Stores stores, Clock clock, Supplier<PersonId> personIds,
      IngestListener listener) {
    this.settings = settings;
    this.stores = stores;
    this.keys = openKeys(settings, stores, clock);
    this.counters = new BufferedQualityCounters(stores.qualityCounters(), clock, Duration.ofSeconds(1));
    this.consentCheck = new LedgerConsentCheck(stores.consentLedger(), stores.identityGraph(), settings.consent(),
        clock);
    this.ingestor = new Ingestor(stores.eventLog(), stores.quarantine(), counters, settings.ingest(), listener,
        new ConsentGate(stores.consentLedger(), stores.identityGraph(), consentCheck));
    this.consent = new ConsentService(stores.consentLedger(), stores.identityGraph(), consentCheck, clock,
        this::consentChanged);
    this.consentFollower = new ConsentFollower(consentCheck, this::consentChanged);
    this.quarantine = new QuarantineService(stores.quarantine(), ingestor, clock);
    this.quality = new QualityReports(counters, stores.quarantine());
    this.catalog = new CatalogService(stores.catalog(), clock, settings.ingest().maxIdLength());
    this.persons = new PersonDirectory(stores.identityGraph(), stores.traitStore(), stores.eventLog());
    this.servingPersons = new ServingPersons(persons, clock, SERVING_PERSON_TTL, 200_000);
    this.apiKeys = new ApiKeyService(stores.apiKeys(), clock);
    this.importer = new Importer(ingestor, catalog, clock);
    this.clock = clock;
    this.audit = new io.shopsense.core.audit.AuditTrail(stores.auditLog(), clock,
        new io.shopsense.core.audit.AuditAnchor(settings.store().dataDir().resolve(AUDIT_ANCHOR)));
    this.usageFollower = new io.shopsense.core.usage.SegmentUsageFollower(stores.profileChanges(), stores.usageLog(),
        stores.consumerOffsets(), stores.unitOfWork(), 1_000);
    this.usageRecorder = new io.shopsense.core.usage.UsageRecorder(stores.usageLog());
    List<LogConsumer> consumers = new ArrayList<>();
    IdentityConsumer identity = new IdentityConsumer(new IdentityResolver(stores.identityGraph(),
        stores.traitStore(), settings.identity(), personIds), stores.unitOfWork(),
        // consent given under an identifier now tied to a known person is theirs from the next check on
        consentCheck::invalidate);
    consumers.add(identity);
    ProfileSettings ps = settings.profile();
    this.profileEngine = new ProfileEngine(ps.interests(), ps.windows());
    stores.profileStore().setting(ProfileModel.SETTING).map(ProfileModel::fromJson)
        .filter(m -> ps.windows() == null || m.windows().equals(ps.windows())).ifPresent(profileEngine::model);
    this.profileWriter = new ProfileWriter(profileEngine, stores.profileStore(), stores.profileChanges(),
        stores.segmentStore(), stores.traitStore(), consentCheck);
    this.profileRefresh = new ProfileRefresh(profileEngine, stores.profileStore(), stores.segmentStore(),
        profileWriter, stores.unitOfWork(), ps.refreshEvery());
    this.profileConsumer = new ProfileConsumer(profileEngine, stores.profileStore(), stores.identityGraph(),
        stores.consumerOffsets(), stores.unitOfWork(), profileWriter, profileRefresh, clock, identity.name(),
        Duration.ofSeconds(60));
    this.segments = new SegmentService(profileEngine, stores.segmentStore(), stores.profileStore(),
        // without real time, memberships are written by the next rebuild with apply
        stores.traitStore(), stores.unitOfWork(), clock, ps.realTime() ? profileConsumer::requestRefresh : () -> { },
        consentCheck);
    segments.load();
    this.profiles = new ProfileService(profileEngine, stores.profileStore(), stores.profileChanges(),
        stores.segmentStore(), persons, stores.identityGraph(), clock, consentCheck);
    if (ps.realTime()) {
      consumers.add(profileConsumer);
    }
    this.campaigns = new io.shopsense.platform.campaign.Campaigns(settings.campaign(), stores.campaigns(),
        new io.shopsense.platform.campaign.Campaigns.Parts(stores.unitOfWork(), consentCheck, stores.traitStore(),
            stores.profileStore(), profileEngine, persons, stores.segmentStore(), stores.profileChanges(),
            stores.consumerOffsets(), stores.identityGraph(), this::slotItems, identity.name()), clock);
    consumers.add(campaigns.follower());
    if (settings.lake() != null) {
      LakeWriter lake = new LakeWriter(settings.lake(), stores.consumerOffsets().get(LakeWriter.NAME), clock);
      consumers.add(lake);
      closeAfterPipeline.add(lake);
      this.lakeWriter = lake;
    }
    try {
      this.pipeline = new Pipeline(stores.eventLog(), stores.consumerOffsets(), consumers);
    } catch (RuntimeException e) {
      closeResources();
      throw e;
    }
    this.privacyRequests = privacyRequests(identity);
    RecommendSettings rs = settings.recommend();
    BoughtProducts bought = new BoughtProducts();
    this.personContexts = new ProfileContexts(profiles, bought, clock, rs.contextCacheSize(), rs.contextTtl());
    this.recommendations = new RecommendationModels(rs, clock, () -> TrainingInput.read(settings.lake(),
        stores.identityGraph(), consentCheck, stores.erasureRegister()), stores.erasureRegister(),
        () -> CatalogSnapshot.of(stores.catalog()), personContexts, bought);
    recommendations.afterSwap(personContexts::invalidateAll);
    Map<io.shopsense.core.recommend.serve.Scene, io.shopsense.core.recommend.serve.SceneSettings> scenes =
        new java.util.EnumMap<>(io.shopsense.core.recommend.serve.Scene.class);
    for (io.shopsense.core.recommend.serve.Scene scene : io.shopsense.core.recommend.serve.Scene.values()) {
      scenes.put(scene, io.shopsense.core.recommend.serve.SceneSettings.defaults(scene));
    }
    this.recommendationService = new io.shopsense.core.recommend.serve.RecommendationService(
        recommendations::current, recommendations::catalog, consentCheck, personContexts, scenes, clock);
  }

  /**
   * Data-subject requests over every store of this platform. The erasure steps, in order: derived data, traits,
   * usage, quarantine, events (log and lake), the lake's identity snapshot, consents, identities, caches, the training
   * register.
   */
  private PrivacyRequestService privacyRequests(IdentityConsumer identity) {
    List<PersonalDataSection> sections = new ArrayList<>(StoreSections.of(stores.identityGraph(), persons, profiles,
        stores.segmentStore(), stores.profileChanges()));
    sections.add(StoreSections.usageLog(stores.usageLog()));
    sections.add(PersonalDataSection.of("consents", this::consentSection));
    sections.add(PersonalDataSection.of("campaign_messages", this::messageSection));
    List<ErasureStep> steps = new ArrayList<>();
    steps.add(StoreSteps.profiles(stores.profileStore(), stores.segmentStore(), stores.profileChanges()));
    steps.add(StoreSteps.traits(stores.traitStore()));
    steps.add(StoreSteps.usageLog(stores.usageLog()));
    steps.add(StoreSteps.quarantine(stores.quarantine()));
    steps.add(StoreSteps.events((anonymousIds, userIds) -> {
      EventErasure erased = eraseEvents(anonymousIds, userIds);
      List<io.shopsense.core.privacy.EventEraser.Part> parts = new ArrayList<>();
      parts.add(new io.shopsense.core.privacy.EventEraser.Part("event log", erased.log().events(),
          erased.log().bytesRewritten(), erased.log().files().size()));
      erased.lakeReport().ifPresent(l -> parts.add(new io.shopsense.core.privacy.EventEraser.Part("lake",
          l.rowsRemoved(), l.bytesRewritten(), l.filesRewritten())));
      return parts;
    }));
    if (settings.lake() != null) {
      // the snapshot a batch rebuild writes beside the lake holds every identifier; the next rebuild writes it again
      steps.add(StoreSteps.derivedFiles("lake_identity_snapshot", "lake identities snapshot", () -> List.of(
          settings.lake().directory().resolve(LakeProfileSource.IDENTITIES).resolve(LakeProfileSource.LINKS_FILE))));
    }
    // consent records are found through the person's identifiers: before the identities go
    steps.add(ErasureStep.of("consents", subject -> List.of(new io.shopsense.api.privacy.ReportLine("consents",
        "consent_records", subject.persons().stream().mapToLong(consent::erase).sum(),
        io.shopsense.api.privacy.ReportLine.Outcome.ERASED, "consent history under every id of the person"))));
    // campaign data is found by person id: contacts, blocks, preferences, suppressions, messages, inbox
    steps.add(ErasureStep.of("campaigns", subject -> List.of(new io.shopsense.api.privacy.ReportLine("campaigns",
        "campaign_records", subject.persons().stream().mapToLong(campaigns::erase).sum(),
        io.shopsense.api.privacy.ReportLine.Outcome.ERASED,
        "messages, contacts, suppressions, preferences, unsubscribes, in-app inbox, journey enrolments, coupons"))));
    steps.add(StoreSteps.identities(stores.identityGraph()));
    // the serving caches hold the person's id, interests and bought products: forgotten, not left to expire
    steps.add(StoreSteps.caches(Map.of("identity resolver", identity::forgetCache,
        "serving persons", () -> servingPersons.forgetAll(),
        "recommendation contexts", () -> personContexts.invalidateAll())));
    steps.add(StoreSteps.trainingExclusion(stores.erasureRegister(), clock));
    ErasureRunner runner = new ErasureRunner() {
      @Override
      public <T> T run(Callable<T> work) throws Exception {
        if (started) {
          // the person's events received so far are attributed before the erasure, not after it
          pipeline.awaitCaughtUp(settings.privacyRequests().catchUp());
        }
        return onProfileWriter(work);
      }
    };
    return new PrivacyRequestService(stores.privacyRequests(), stores.identityGraph(), stores.traitStore(), sections,
        steps, runner, settings.privacyRequests(), clock);
  }

  /** Campaigns and journeys: templates, journeys, broadcasts, the policy, the outbox and the scheduler. */
  public io.shopsense.platform.campaign.Campaigns campaigns() {
    return campaigns;
  }

  /** The recommended items of a message's slot: the email scene for the person, with names, prices and links. */
  private List<io.shopsense.api.offer.SlotItem> slotItems(PersonId person, int count) {
    if (count < 1) {
      return List.of();
    }
    io.shopsense.core.recommend.serve.Recommendations r = recommendationService.recommend(
        new io.shopsense.core.recommend.serve.RecommendationRequest(io.shopsense.core.recommend.serve.Scene.EMAIL,
            java.util.Optional.of(person), List.of(), Math.min(count, 20), java.util.Locale.ENGLISH));
    io.shopsense.core.recommend.serve.CatalogView catalog = recommendations.catalog();
    List<io.shopsense.api.offer.SlotItem> out = new ArrayList<>();
    for (io.shopsense.core.recommend.serve.RecommendedItem i : r.items()) {
      catalog.item(i.item()).ifPresent(c -> out.add(new io.shopsense.api.offer.SlotItem(i.item(),
          c.name().isEmpty() ? i.item() : c.name(), java.math.BigDecimal.valueOf(c.fact().price()),
          c.attributes().getOrDefault("currency", "EUR"), c.attributes().getOrDefault("url", ""), i.explanation())));
    }
    return out;
  }

  /**
   * What campaigns hold of the person, for an export: their contact preferences and unsubscribes, the messages the
   * contact-pressure policy held back (with why), and their in-app inbox.
   */
  private io.shopsense.core.privacy.SectionRows messageSection(io.shopsense.core.privacy.DataSubject subject) {
    io.shopsense.platform.campaign.CampaignStores c = stores.campaigns();
    PersonId person = subject.person();
    List<Map<String, Object>> rows = new ArrayList<>();
    c.preferences().find(person).ifPresent(pref -> rows.add(row("preferences", pref.updatedAt(),
        "channels " + pref.channels().stream().map(io.shopsense.api.campaign.Channel::wireName).toList()
            + ", muted topics " + pref.mutedTopics() + ", frequency " + pref.frequency().name().toLowerCase(
                java.util.Locale.ROOT))));
    c.blocks().of(List.of(person)).getOrDefault(person, List.of()).forEach(b -> rows.add(row(b.kind().name()
        .toLowerCase(java.util.Locale.ROOT), b.at(), b.scope().name().toLowerCase(java.util.Locale.ROOT)
        + (b.value().isEmpty() ? "" : " " + b.value()) + " (" + b.source() + ")")));
    c.suppressions().of(person, 1_000).forEach(m -> rows.add(row("held back", m.at(), m.rule() + ": "
        + m.reason())));
    c.inbox().list(person, false, 1_000).forEach(m -> rows.add(row("in-app message", m.postedAt(), m.subject())));
    return new io.shopsense.core.privacy.SectionRows("Your message preferences, unsubscribes, the messages our "
        + "contact rules held back and your in-app inbox.", List.of("what", "at", "detail"), rows);
  }

  private static Map<String, Object> row(String what, Instant at, String detail) {
    Map<String, Object> row = new java.util.LinkedHashMap<>();
    row.put("what", what);
    row.put("at", at == null ? "" : at.toString());
    row.put("detail", detail);
    return row;
  }

  /** The person's consent history (over all their ids), for an export. */
  private io.shopsense.core.privacy.SectionRows consentSection(io.shopsense.core.privacy.DataSubject subject) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (io.shopsense.api.privacy.ConsentRecord r : consent.recordsOf(subject.person())) {
      Map<String, Object> row = new java.util.LinkedHashMap<>();
      row.put("purpose", r.purpose().wireName());
      row.put("granted", r.granted());
      row.put("basis", r.basis().name().toLowerCase(java.util.Locale.ROOT));
      row.put("source", r.source());
      row.put("notice_version", r.noticeVersion());
      row.put("at", r.at().toString());
      rows.add(row);
    }
    return new io.shopsense.core.privacy.SectionRows("Your consent decisions per purpose, oldest first.",
        List.of("purpose", "granted", "basis", "source", "notice_version", "at"), rows);
  }

  private void closeResources() {
    for (AutoCloseable c : closeAfterPipeline) {
      try {
        c.close();
      } catch (Exception e) {
        System.getLogger(Platform.class.getName()).log(System.Logger.Level.WARNING,
            "could not close " + c.getClass().getSimpleName(), e);
      }
    }
  }

  /**
   * Opens the key ring of the crypto settings (refusing one inside the data directory) and hands its cipher to the
   * stores' sealed fields, before anything reads or writes them.
   */
  private static KeyDirectory openKeys(PlatformSettings settings, Stores stores, Clock clock) {
    if (settings.crypto() == null) {
      return null;
    }
    settings.crypto().requireOutside(settings.store().dataDir());
    KeyDirectory keys = KeyDirectory.open(settings.crypto(), clock);
    if (settings.crypto().sealTraits()) {
      stores.sealedFields().forEach(f -> f.protect(keys.cipher()));
    }
    return keys;
  }

  /** Opens the stores of the settings (recovering them after a crash) and assembles the services. */
  public static Platform open(PlatformSettings settings, Clock clock, Supplier<PersonId> personIds,
      IngestListener listener) {
    Stores stores = StoreProvider.byId(settings.store().type()).open(settings.store());
    try {
      return new Platform(settings, stores, clock, personIds, listener);
    } catch (RuntimeException e) {
      stores.close();
      throw e;
    }
  }

  /** The file in the data directory that keeps the audit chain's head outside the database. */
  public static final String AUDIT_ANCHOR = "audit-head";

  /** Starts the consumers that follow the event log, and the usage follower. */
  public Platform start() {
    pipeline.start();
    consentFollower.start();
    usageThread.scheduleWithFixedDelay(this::followUsage, 0, 1, java.util.concurrent.TimeUnit.SECONDS);
    recommendations.refreshCatalog();
    recommendThread.execute(() -> recommendTask("warm up", () -> {
      recommendations.warmUp();
      return null;
    }));
    long every = settings.recommend().erasureCheckEvery().toMillis();
    if (every > 0) {
      recommendThread.scheduleWithFixedDelay(() -> recommendTask("erasure check", recommendations::retrainIfErased),
          every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    campaigns.start();
    started = true;
    return this;
  }

  private void recommendTask(String name, Callable<?> task) {
    try {
      task.call();
    } catch (Exception e) {
      // retried on the next tick; the message names no person
      System.getLogger(Platform.class.getName()).log(System.Logger.Level.WARNING,
          "the recommendation models' " + name + " failed; retrying later", e);
    }
  }

  /** The served recommendation models: training, installing a personal model, the erasure check, the catalog. */
  public RecommendationModels recommendations() {
    return recommendations;
  }

  /** The persons' serving contexts the serving path reads (cached profiles). */
  io.shopsense.core.recommend.serve.PersonContexts personContexts() {
    return personContexts;
  }

  /**
   * The recommendation serving path over the served models and catalog snapshot, the consent check, the persons'
   * contexts (profiles) and the default scene settings, on the platform clock.
   */
  public io.shopsense.core.recommend.serve.RecommendationService recommendationService() {
    return recommendationService;
  }

  /** The one consent enforcement port (see {@link io.shopsense.api.privacy.ConsentCheck}), answered from memory. */
  public LedgerConsentCheck consentCheck() {
    return consentCheck;
  }

  /** Consent as the API and data-subject requests see it. */
  public ConsentService consent() {
    return consent;
  }

  /**
   * Writes the ids of the persons with a profile and personalisation consent, one a line, to {@code file}: the
   * {@code --personalised} snapshot of the Spark profile job, so that it puts the others in no segment. Returns how
   * many were written.
   */
  public long writePersonalisedSnapshot(java.nio.file.Path file) throws java.io.IOException {
    java.nio.file.Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    long[] written = {0};
    try (java.io.BufferedWriter out = java.nio.file.Files.newBufferedWriter(tmp)) {
      List<PersonId> page = new ArrayList<>();
      java.io.IOException[] failure = {null};
      Runnable flush = () -> {
        for (PersonId p : io.shopsense.core.profile.PersonalisationFeatures.allowed(consentCheck, page)) {
          try {
            out.write(p.value());
            out.newLine();
            written[0]++;
          } catch (java.io.IOException e) {
            failure[0] = e;
          }
        }
        page.clear();
      };
      stores.profileStore().scanFacts((person, facts) -> {
        page.add(person);
        if (page.size() == 2_000) {
          flush.run();
        }
      });
      flush.run();
      if (failure[0] != null) {
        throw failure[0];
      }
    }
    java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return written[0];
  }

  /** Follows the consent ledger; {@code followOnce()} applies changes made elsewhere now. */
  public ConsentFollower consentFollower() {
    return consentFollower;
  }

  /**
   * The persons whose consent changed: their profiles' personalisation features and segments are derived again
   * where profiles are written (recording segment exits), without waiting for their next event.
   */
  private void consentChanged(java.util.Set<PersonId> changed) {
    java.util.Set<PersonId> persons = java.util.Set.copyOf(changed);
    Callable<Integer> work = () -> rederive(persons);
    if (settings.profile().realTime()) {
      profileConsumer.submit(work);
      return;
    }
    try {
      onProfileWriter(work);
    } catch (Exception e) {
      System.getLogger(Platform.class.getName()).log(System.Logger.Level.WARNING,
          "could not apply a consent change to profiles ({0}); the next refresh will", e.getClass().getSimpleName());
    }
  }

  private int rederive(java.util.Set<PersonId> persons) {
    Map<PersonId, StoredProfile> stored = stores.profileStore().getAll(persons);
    if (stored.isEmpty()) {
      return 0;
    }
    Map<PersonId, ProfileState> states = new java.util.LinkedHashMap<>();
    stored.forEach((person, p) -> states.put(person, profileEngine.decode(p)));
    Instant now = clock.instant();
    return stores.unitOfWork().run(() -> profileWriter.write(states, stored, now, false)).segmentChanges();
  }

  private void followUsage() {
    try {
      usageRecorder.flush();
      usageFollower.catchUp();
    } catch (RuntimeException e) {
      // retried on the next tick from the committed offset; the message names no person
      System.getLogger(Platform.class.getName()).log(System.Logger.Level.WARNING,
          "the usage follower failed; retrying", e);
    }
  }

  public io.shopsense.core.audit.AuditTrail audit() {
    return audit;
  }

  /**
   * Where recommendation serving, campaigns and other hot paths count a use of a person's data (buffered, written
   * every second; {@link #followUsageNow()} writes it at once).
   */
  public io.shopsense.core.usage.UsageRecorder usageRecorder() {
    return usageRecorder;
  }

  /**
   * Writes the buffered usage counts and runs the usage follower up to the end of the profile change feed, now: before
   * a person's usage is exported or erased, and in tests.
   */
  public long followUsageNow() throws Exception {
    return usageThread.submit(() -> {
      usageRecorder.flush();
      return usageFollower.catchUp();
    }).get();
  }

  public PlatformSettings settings() {
    return settings;
  }

  public Stores stores() {
    return stores;
  }

  public Ingestor ingestor() {
    return ingestor;
  }

  public QuarantineService quarantine() {
    return quarantine;
  }

  public QualityReports quality() {
    return quality;
  }

  public CatalogService catalog() {
    return catalog;
  }

  public PersonDirectory persons() {
    return persons;
  }

  /** How long {@link #servingPersons()} keeps an answer. */
  public static final java.time.Duration SERVING_PERSON_TTL = java.time.Duration.ofSeconds(10);

  /**
   * The person of a serving request (recommendations), answered from memory for {@link #SERVING_PERSON_TTL}; an
   * erasure forgets every answer at once.
   */
  public io.shopsense.core.identity.PersonResolver servingPersons() {
    return servingPersons;
  }

  public ApiKeyService apiKeys() {
    return apiKeys;
  }

  public Importer importer() {
    return importer;
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  public Clock clock() {
    return clock;
  }

  public ProfileEngine profileEngine() {
    return profileEngine;
  }

  /** The real-time profile consumer: its lag, and refreshes on demand. */
  public ProfileConsumer profileConsumer() {
    return profileConsumer;
  }

  public ProfileService profiles() {
    return profiles;
  }

  public SegmentService segments() {
    return segments;
  }

  /** Whether a key ring is configured: sealing, rotation and pseudonyms are available. */
  public boolean hasKeys() {
    return keys != null;
  }

  /** Rotation and re-encryption over the stores' sealed fields; needs the key ring. */
  public KeyRotation keyRotation() {
    return new KeyRotation(requireKeys(), settings.crypto().sealTraits() ? stores.sealedFields() : List.of());
  }

  /** The key ring itself (for master-key rotation); needs it. */
  public KeyDirectory keys() {
    return requireKeys();
  }

  /** Pseudonyms for analysts under the ring's pseudonym key; needs the key ring. */
  public Pseudonymizer pseudonymizer() {
    return requireKeys().pseudonymizer();
  }

  private KeyDirectory requireKeys() {
    if (keys == null) {
      throw new IllegalStateException("no key ring is configured (shopsense.crypto.enabled is false)");
    }
    return keys;
  }

  /** Data-subject requests: access/export, rectification, erasure. */
  public PrivacyRequestService privacyRequests() {
    return privacyRequests;
  }

  /** What a batch rebuild found (and did). */
  public record RebuildReport(long persons, long equal, long differing, long onlyStored, List<String> sample,
      boolean applied, long millis) {}

  /**
   * The local batch rebuild of every profile from the lake, compared with the stored (real-time) profiles: how many
   * are equal, differ, or are stored without events in the lake. With {@code apply}, the rebuilt profiles replace the
   * stored ones (derived at {@code now}, changes recorded) and profiles without events are deleted. Runs on the
   * profile consumer's thread, between two batches. The lake trails the log by its flush interval: compare once the
   * pipeline has caught up and the lake has flushed.
   */
  public RebuildReport rebuildProfiles(boolean apply) throws Exception {
    return onProfileWriter(() -> rebuildNow(apply));
  }

  /**
   * Runs work where profiles are written, so that it never interleaves with other profile writes: on the real-time
   * consumer's thread between two batches, or — with real time off, when that thread does not run — here, one piece
   * of work at a time. Rethrows what the work threw.
   */
  public <T> T onProfileWriter(Callable<T> work) throws Exception {
    if (!settings.profile().realTime()) {
      synchronized (profileWriter) {
        return work.call();
      }
    }
    try {
      return profileConsumer.submit(work).get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** Refits the RFM model and applies what time alone changes, now (see {@link ProfileRefresh}). */
  public ProfileRefresh.Report refreshProfiles() throws Exception {
    return settings.profile().realTime() ? profileConsumer.requestRefresh().get()
        : onProfileWriter(() -> profileRefresh.run(clock.instant()));
  }

  private RebuildReport rebuildNow(boolean apply) throws Exception {
    long start = System.nanoTime();
    Instant now = clock.instant();
    java.util.Set<PersonId> rebuilt = new java.util.HashSet<>();
    long[] counts = new long[3];
    List<String> sample = new ArrayList<>();
    long persons = foldFromLake(batch -> {
      Map<PersonId, StoredProfile> stored = stores.profileStore().getAll(batch.keySet());
      batch.forEach((person, state) -> {
        rebuilt.add(person);
        StoredProfile old = stored.get(person);
        if (old != null && profileEngine.decode(old).equals(state)) {
          counts[0]++;
        } else {
          counts[1]++;
          if (sample.size() < 10) {
            sample.add(person.value());
          }
        }
      });
      if (apply) {
        stores.unitOfWork().run(() -> profileWriter.write(batch, stored, now, true));
      }
    });
    List<PersonId> orphans = new ArrayList<>();
    stores.profileStore().scanFacts((person, facts) -> {
      if (!rebuilt.contains(person)) {
        counts[2]++;
        if (apply) {
          orphans.add(person);
        }
      }
    });
    if (apply && !orphans.isEmpty()) {
      stores.unitOfWork().run(() -> {
        stores.profileStore().deleteAll(orphans);
        stores.segmentStore().removeFromAll(orphans);
        return null;
      });
    }
    return new RebuildReport(persons, counts[0], counts[1], counts[2], sample, apply,
        (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * The local batch rebuild: writes the identity snapshot beside the lake, folds every person's events from the
   * lake's files from scratch, and hands the states to {@code sink} in batches. Needs the lake.
   */
  public long foldFromLake(Consumer<Map<PersonId, ProfileState>> sink) throws Exception {
    if (settings.lake() == null) {
      throw new IllegalStateException("the lake is off; a batch rebuild reads the lake");
    }
    LakeProfileSource.exportIdentities(stores.identityGraph(), settings.lake());
    return new LakeProfileSource(settings.lake()).fold(profileEngine, 2_000, REBUILD_THREADS, sink);
  }

  /**
   * Erases every event of these identifiers (a person's anonymous ids and user ids, as the identity graph knows them)
   * from the event log and then from the lake, for the erasure of a data subject; returns both reports. The lake is
   * erased after the log, through its writer: rows still buffered are flushed and rewritten, and events the pipeline
   * read from the log before it was erased are not written afterwards. Idempotent. Derived data (profiles, segments,
   * identities, traits) is the caller's to erase.
   */
  public EventErasure eraseEvents(Set<AnonymousId> anonymousIds, Set<UserId> userIds) {
    ErasedEvents log = stores.eventLog().erase(anonymousIds, userIds);
    if (lakeWriter == null) {
      return new EventErasure(log, null);
    }
    long erasedUpTo = stores.eventLog().lastSeq();
    Set<String> anonymous = new HashSet<>();
    anonymousIds.forEach(a -> anonymous.add(a.value()));
    Set<String> users = new HashSet<>();
    userIds.forEach(u -> users.add(u.value()));
    try {
      return new EventErasure(log, lakeWriter.erase(anonymous, users, erasedUpTo));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot erase from the lake: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot erase from the lake", e);
    }
  }

  /**
   * Retention of raw events: deletes those that happened more than {@code maxAge} ago from the event log (whole
   * segments on the embedded log: a segment with a newer event waits) and the lake's day partitions before the
   * cutoff's UTC day. Nothing is aggregated first: profiles already hold what they folded from the deleted events.
   *
   * @throws IllegalArgumentException if {@code maxAge} is not positive
   */
  public RetentionReport applyRetention(Duration maxAge) {
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("the retention age must be positive, was " + maxAge);
    }
    Instant cutoff = clock.instant().minus(maxAge);
    ErasedEvents log = stores.eventLog().deleteBefore(cutoff);
    LocalDate firstKept = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
    List<String> lake = List.of();
    if (lakeWriter != null) {
      try {
        lake = lakeWriter.deleteDaysBefore(firstKept);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot apply retention to the lake: " + e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot apply retention to the lake", e);
      }
    }
    return new RetentionReport(cutoff, log, firstKept, lake);
  }

  @Override
  public void close() {
    campaigns.close();
    recommendThread.shutdownNow();
    usageThread.shutdownNow();
    try {
      // a training in progress reads the stores: let it end before they close
      recommendThread.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
      usageThread.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
      usageRecorder.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      System.getLogger(Platform.class.getName()).log(System.Logger.Level.WARNING,
          "could not write the last usage counts", e);
    }
    try {
      consentFollower.close();
      pipeline.close();
    } finally {
      try {
        closeResources();
        counters.close();
      } finally {
        stores.close();
      }
    }
  }
}
