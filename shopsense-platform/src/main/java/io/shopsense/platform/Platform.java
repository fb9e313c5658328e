package io.shopsense.platform;

import io.shopsense.api.id.PersonId;
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
import io.shopsense.lake.LakeWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    List<LogConsumer> consumers = new ArrayList<>();
    consumers.add(new IdentityConsumer(new IdentityResolver(stores.identityGraph(), stores.traitStore(),
        settings.identity(), personIds), stores.unitOfWork()));
    if (settings.lake() != null) {
      LakeWriter lake = new LakeWriter(settings.lake(), stores.consumerOffsets().get(LakeWriter.NAME), clock);
      consumers.add(lake);
      closeAfterPipeline.add(lake);
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
