package io.shopsense.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import io.shopsense.api.profile.ProfileChanges;
import io.shopsense.api.profile.ProfileStore;
import io.shopsense.api.profile.SegmentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The store ports on one JDBC database: an embedded H2 file database ({@link #h2}) or a PostgreSQL schema
 * ({@link #postgres}). Opening creates the database or schema if absent and migrates it with Flyway (migrating a
 * current database changes nothing); the ports it hands out share one small connection pool and are thread-safe.
 * Every write is one transaction, durable when it returns; what is idempotent is as each port's Javadoc says, with
 * the open points decided in the contract suites of {@code shopsense-store-contract}. Database failures surface as
 * {@link JdbcStoreException}. {@link #close()} closes the pool (and the event log).
 *
 * <p>On H2 there is no {@link #eventLog()}: the embedded platform keeps events in the segment file log.
 */
public final class JdbcStores implements AutoCloseable {

  /** The database behind the stores. */
  enum Backend {
    H2("classpath:db/migration/common", "classpath:db/migration/h2"),
    POSTGRESQL("classpath:db/migration/common", "classpath:db/migration/postgresql");

    final String[] migrations;

    Backend(String... migrations) {
      this.migrations = migrations;
    }
  }

  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final String H2_FILE = "shopsense";
  // PostgreSQL mode for the shared SQL; H2 waits up to 10 s for a row lock (its default of 1 s fails under load);
  // the application closes the database itself, so H2's own shutdown hook must not close it under live work.
  // WRITE_DELAY=0 writes each commit to the file before the commit returns: without it H2 writes in the background
  // and a killed process loses up to the last second of committed transactions (measured here: ~500 commits).
  // H2 does not fsync each commit, so the stores survive a crash of the process, not of the machine.
  // QUERY_CACHE_SIZE is the number of parsed statements each connection keeps: H2's default of 8 is fewer than the
  // identity consumer alone uses per batch, so without it every statement was parsed again each time.
  private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
      + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=128";

  private final HikariDataSource pool;
  private final Sql sql;
  private final PostgresEventLog eventLog;
  private final JdbcQuarantine quarantine;
  private final JdbcQualityCounters qualityCounters;
  private final JdbcConsumerOffsets consumerOffsets;
  private final JdbcIdentityGraph identityGraph;
  private final JdbcTraitStore traitStore;
  private final JdbcCatalog catalog;
  private final JdbcApiKeys apiKeys;
  private final JdbcProfileStore profileStore;
  private final JdbcProfileChanges profileChanges;
  private final JdbcSegmentStore segmentStore;
  private final JdbcConsentLedger consentLedger;
  private final JdbcAuditLog auditLog;
  private final JdbcUsageLog usageLog;
  private final JdbcConsoleUsers consoleUsers;
  private final JdbcConsoleSessions consoleSessions;
  private final JdbcPrivacyRequests privacyRequests;
  private final JdbcErasureRegister erasureRegister;
  private final io.shopsense.store.jdbc.campaign.JdbcContactLog contactLog;
  private final io.shopsense.store.jdbc.campaign.JdbcContactBlocks contactBlocks;
  private final io.shopsense.store.jdbc.campaign.JdbcPreferenceStore contactPreferences;
  private final io.shopsense.store.jdbc.campaign.JdbcSuppressionLog suppressionLog;
  private final io.shopsense.store.jdbc.delivery.JdbcDelivery delivery;
  private final io.shopsense.store.jdbc.journey.JdbcJourneyStore journeyStore;
  private final io.shopsense.store.jdbc.offer.JdbcOffers offers;
  private final io.shopsense.store.jdbc.offer.JdbcTemplateStore templateStore;
  private final io.shopsense.store.jdbc.journey.JdbcBroadcastStore broadcastStore;

  private JdbcStores(Backend backend, HikariDataSource pool, String schema) {
    this.pool = pool;
    this.sql = new Sql(pool);
    this.eventLog = backend == Backend.POSTGRESQL ? new PostgresEventLog(sql, schema) : null;
    this.quarantine = new JdbcQuarantine(sql);
    this.qualityCounters = new JdbcQualityCounters(sql);
    this.consumerOffsets = new JdbcConsumerOffsets(sql);
    this.identityGraph = new JdbcIdentityGraph(sql);
    this.traitStore = new JdbcTraitStore(sql);
    this.catalog = new JdbcCatalog(sql);
    this.apiKeys = new JdbcApiKeys(sql);
    this.profileStore = new JdbcProfileStore(sql);
    this.profileChanges = new JdbcProfileChanges(sql);
    this.segmentStore = new JdbcSegmentStore(sql);
    this.contactLog = new io.shopsense.store.jdbc.campaign.JdbcContactLog(sql);
    this.contactBlocks = new io.shopsense.store.jdbc.campaign.JdbcContactBlocks(sql);
    this.contactPreferences = new io.shopsense.store.jdbc.campaign.JdbcPreferenceStore(sql);
    this.suppressionLog = new io.shopsense.store.jdbc.campaign.JdbcSuppressionLog(sql);
    this.delivery = io.shopsense.store.jdbc.delivery.JdbcDelivery.on(sql);
    this.journeyStore = new io.shopsense.store.jdbc.journey.JdbcJourneyStore(pool);
    this.offers = new io.shopsense.store.jdbc.offer.JdbcOffers(pool);
    this.templateStore = new io.shopsense.store.jdbc.offer.JdbcTemplateStore(sql);
    this.broadcastStore = new io.shopsense.store.jdbc.journey.JdbcBroadcastStore(sql);
    this.consentLedger = new JdbcConsentLedger(sql);
    this.auditLog = new JdbcAuditLog(sql);
    this.usageLog = new JdbcUsageLog(sql);
    this.consoleUsers = new JdbcConsoleUsers(sql);
    this.consoleSessions = new JdbcConsoleSessions(sql);
    this.privacyRequests = new JdbcPrivacyRequests(sql);
    this.erasureRegister = new JdbcErasureRegister(sql);
  }

  /**
   * Opens (creating it if absent) the H2 file database in {@code directory} and migrates it. One process at a time:
   * H2 locks the file.
   */
  public static JdbcStores h2(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    if (dir.toString().contains(";")) {
      throw new IllegalArgumentException("the H2 database directory must not contain ';': " + dir);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the database directory " + dir, e);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("shopsense-h2");
    config.setJdbcUrl("jdbc:h2:file:" + dir.resolve(H2_FILE) + H2_OPTIONS);
    config.setUsername("sa");
    config.setPassword("");
    // in-process connections never go stale: keep a fixed set open for the pool's life, which also keeps the
    // database open (H2 closes it when its last connection closes)
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(4);
    config.setMaxLifetime(0);
    config.setIdleTimeout(0);
    config.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
    return open(Backend.H2, config, null);
  }

  /**
   * Connects to PostgreSQL, creates {@code schema} if absent and migrates it. Several processes may share one schema
   * (Flyway and the event log serialise through advisory locks).
   *
   * @param schema a lower-case SQL identifier ({@code [a-z_][a-z0-9_]*}, at most 63 characters)
   */
  public static JdbcStores postgres(String url, String user, String password, String schema) {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("expected a jdbc:postgresql: URL, got " + url);
    }
    if (schema == null || !SCHEMA.matcher(schema).matches()) {
      throw new IllegalArgumentException("the schema must be a lower-case identifier [a-z_][a-z0-9_]*, at most "
          + "63 characters; got " + schema);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("shopsense-pg-" + schema);
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password == null ? "" : password);
    config.setSchema(schema);
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.addDataSourceProperty("ApplicationName", "shopsense");
    config.addDataSourceProperty("tcpKeepAlive", "true");
    // plan every execution for its parameters (PostgreSQL 12+): the tables start empty, and a generic plan cached
    // then (a sequential scan) would otherwise stay until autovacuum analyses the table, making lookups linear
    config.setConnectionInitSql("set plan_cache_mode = force_custom_plan");
    config.setMaximumPoolSize(8);
    config.setMinimumIdle(2);
    // below the usual server, proxy and firewall idle limits, so the pool retires a connection before they cut it
    config.setMaxLifetime(Duration.ofMinutes(30).toMillis());
    config.setIdleTimeout(Duration.ofMinutes(10).toMillis());
    config.setKeepaliveTime(Duration.ofMinutes(5).toMillis());
    config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
    return open(Backend.POSTGRESQL, config, schema);
  }

  private static JdbcStores open(Backend backend, HikariConfig config, String schema) {
    HikariDataSource pool = new HikariDataSource(config);
    try {
      migrate(pool, backend, schema);
      return new JdbcStores(backend, pool, schema);
    } catch (RuntimeException | Error e) {
      pool.close();
      throw e;
    }
  }

  /** Migrates the database to the latest version; returns the number of migrations it applied (0 when current). */
  static int migrate(DataSource dataSource, Backend backend, String schema) {
    var flyway = Flyway.configure()
        .dataSource(dataSource)
        .locations(backend.migrations)
        .failOnMissingLocations(true)
        .validateMigrationNaming(true)
        // like the pool: through SLF4J, which the application binds (else Flyway falls back to java.util.logging)
        .loggers("slf4j");
    if (schema != null) {
      flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
    }
    MigrateResult result = flyway.load().migrate();
    return result.migrationsExecuted;
  }

  /**
   * The event log, on PostgreSQL.
   *
   * @throws UnsupportedOperationException on H2, which keeps no events (the embedded platform uses the segment
   *                                       file log of {@code shopsense-store-log})
   */
  public EventLog eventLog() {
    if (eventLog == null) {
      throw new UnsupportedOperationException("the H2 stores keep no event log: the embedded platform keeps events "
          + "in the segment file log (shopsense-store-log); choose the postgres store type to keep them in a database");
    }
    return eventLog;
  }

  public Quarantine quarantine() {
    return quarantine;
  }

  public QualityCounters qualityCounters() {
    return qualityCounters;
  }

  public ConsumerOffsets consumerOffsets() {
    return consumerOffsets;
  }

  public IdentityGraph identityGraph() {
    return identityGraph;
  }

  public TraitStore traitStore() {
    return traitStore;
  }

  /** The trait store's personal values, for sealing and key rotation; hand it the cipher before first use. */
  public io.shopsense.api.crypto.SealedFields sealedTraits() {
    return traitStore;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Makes the calls of a piece of work on this thread commit together (see {@link UnitOfWork}). */
  public UnitOfWork unitOfWork() {
    return new UnitOfWork() {
      @Override
      public <T> T run(java.util.function.Supplier<T> work) {
        return sql.unit(work);
      }
    };
  }

  public ApiKeys apiKeys() {
    return apiKeys;
  }

  public ProfileStore profileStore() {
    return profileStore;
  }

  public ProfileChanges profileChanges() {
    return profileChanges;
  }

  public SegmentStore segmentStore() {
    return segmentStore;
  }

  public ConsentLedger consentLedger() {
    return consentLedger;
  }

  public io.shopsense.api.audit.AuditLog auditLog() {
    return auditLog;
  }

  public io.shopsense.api.privacy.UsageLog usageLog() {
    return usageLog;
  }

  public ConsoleUsers consoleUsers() {
    return consoleUsers;
  }

  public ConsoleSessions consoleSessions() {
    return consoleSessions;
  }

  public io.shopsense.api.privacy.PrivacyRequests privacyRequests() {
    return privacyRequests;
  }

  public io.shopsense.api.privacy.ErasureRegister erasureRegister() {
    return erasureRegister;
  }

  /** The contact log the contact-pressure policy counts (joins this stores' units of work). */
  public io.shopsense.store.jdbc.campaign.JdbcContactLog contactLog() {
    return contactLog;
  }

  public io.shopsense.store.jdbc.campaign.JdbcContactBlocks contactBlocks() {
    return contactBlocks;
  }

  public io.shopsense.store.jdbc.campaign.JdbcPreferenceStore contactPreferences() {
    return contactPreferences;
  }

  public io.shopsense.store.jdbc.campaign.JdbcSuppressionLog suppressionLog() {
    return suppressionLog;
  }

  /** The outbox, leases and in-app inbox (join this stores' units of work). */
  public io.shopsense.store.jdbc.delivery.JdbcDelivery delivery() {
    return delivery;
  }

  public io.shopsense.store.jdbc.journey.JdbcJourneyStore journeyStore() {
    return journeyStore;
  }

  public io.shopsense.store.jdbc.offer.JdbcTemplateStore templateStore() {
    return templateStore;
  }

  public io.shopsense.store.jdbc.journey.JdbcBroadcastStore broadcastStore() {
    return broadcastStore;
  }

  /** Coupons and offers. */
  public io.shopsense.store.jdbc.offer.JdbcOffers offers() {
    return offers;
  }

  DataSource dataSource() {
    return pool;
  }

  /** Closes the event log (waking its waiters) and the connection pool. Idempotent. */
  @Override
  public void close() {
    if (eventLog != null) {
      eventLog.close();
    }
    pool.close();
  }
}
