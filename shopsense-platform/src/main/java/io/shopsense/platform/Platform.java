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
import io.shopsense.core.identity.IdentityConsumer;
import io.shopsense.core.identity.IdentityResolver;
import io.shopsense.core.identity.PersonDirectory;
import io.shopsense.core.imports.Importer;
import io.shopsense.core.pipeline.LogConsumer;
import io.shopsense.core.pipeline.Pipeline;
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
  /** The lake's writer, null when the lake is off; set once in the constructor. Erasure and retention go through it. */
  private LakeWriter lakeWriter;
  /** Consumers that hold resources (the lake writer's lock and DuckDB), closed once the pipeline has stopped. */
  private final List<AutoCloseable> closeAfterPipeline = new ArrayList<>();

  private Platform(PlatformSettings settings, Stores stores, Clock clock, Supplier<PersonId> personIds,
      IngestListener listener) {
    this.settings = settings;
    this.stores = stores;
    this.counters = new BufferedQualityCounters(stores.qualityCounters(), clock, Duration.ofSeconds(1));
    this.ingestor = new Ingestor(stores.eventLog(), stores.quarantine(), counters, settings.ingest(), listener);
    this.quarantine = new QuarantineService(stores.quarantine(), ingestor, clock);
    this.quality = new QualityReports(counters, stores.quarantine());
    this.catalog = new CatalogService(stores.catalog(), clock, settings.ingest().maxIdLength());
    this.persons = new PersonDirectory(stores.identityGraph(), stores.traitStore(), stores.eventLog());
    this.apiKeys = new ApiKeyService(stores.apiKeys(), clock);
    this.importer = new Importer(ingestor, catalog, clock);
    this.clock = clock;
    List<LogConsumer> consumers = new ArrayList<>();
    IdentityConsumer identity = new IdentityConsumer(new IdentityResolver(stores.identityGraph(),
        stores.traitStore(), settings.identity(), personIds), stores.unitOfWork());
    consumers.add(identity);
    ProfileSettings ps = settings.profile();
    this.profileEngine = new ProfileEngine(ps.interests(), ps.windows());
    stores.profileStore().setting(ProfileModel.SETTING).map(ProfileModel::fromJson)
        .filter(m -> ps.windows() == null || m.windows().equals(ps.windows())).ifPresent(profileEngine::model);
    this.profileWriter = new ProfileWriter(profileEngine, stores.profileStore(), stores.profileChanges(),
        stores.segmentStore(), stores.traitStore());
    this.profileRefresh = new ProfileRefresh(profileEngine, stores.profileStore(), stores.segmentStore(),
        profileWriter, stores.unitOfWork(), ps.refreshEvery());
    this.profileConsumer = new ProfileConsumer(profileEngine, stores.profileStore(), stores.identityGraph(),
        stores.consumerOffsets(), stores.unitOfWork(), profileWriter, profileRefresh, clock, identity.name(),
        Duration.ofSeconds(60));
    this.segments = new SegmentService(profileEngine, stores.segmentStore(), stores.profileStore(),
        // without real time, memberships are written by the next rebuild with apply
        stores.traitStore(), stores.unitOfWork(), clock, ps.realTime() ? profileConsumer::requestRefresh : () -> { });
    segments.load();
    this.profiles = new ProfileService(profileEngine, stores.profileStore(), stores.profileChanges(),
        stores.segmentStore(), persons, stores.identityGraph(), clock);
    if (ps.realTime()) {
      consumers.add(profileConsumer);
    }
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

  /** Starts the consumers that follow the event log. */
  public Platform start() {
    pipeline.start();
    return this;
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
    try {
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
