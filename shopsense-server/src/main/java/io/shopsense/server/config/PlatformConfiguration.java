package io.shopsense.server.config;

import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.core.collect.IngestListener;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.core.collect.IngestSettings;
import io.shopsense.core.consent.ConsentSettings;
import io.shopsense.core.crypto.CryptoSettings;
import io.shopsense.core.identity.IdentitySettings;
import io.shopsense.core.identity.PersonIds;
import io.shopsense.core.privacy.PrivacyRequestSettings;
import io.shopsense.core.profile.Interests;
import io.shopsense.core.profile.LifecycleWindows;
import io.shopsense.core.profile.ProfileSettings;
import io.shopsense.lake.LakeSettings;
import io.shopsense.platform.Platform;
import io.shopsense.platform.PlatformSettings;
import io.shopsense.platform.StoreSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Assembles the {@link Platform} from the typed settings. */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  PlatformSettings platformSettings(StoreProperties store, IngestProperties ingest, IdentityProperties identity,
      LakeProperties lake, ProfileProperties profile, CryptoProperties crypto,
      PrivacyRequestProperties privacyRequests, ConsentProperties consent, RecommendationProperties recommendations,
      CampaignProperties campaigns) {
    PlatformSettings settings = toSettings(store, ingest, identity, lake).withProfile(toSettings(profile))
        .withConsent(toSettings(consent));
    settings = settings.withCrypto(toSettings(crypto, settings.store().dataDir(), System.getenv(MASTER_KEY_ENV)))
        .withPrivacyRequests(toSettings(privacyRequests))
        .withCampaign(campaigns.toSettings(settings.store().dataDir()));
    // the server's model jobs run the erasure check (shopsense.recommendations.erasure-check-interval), one change of
    // the models at a time with retraining; the platform's own schedule of it is off
    return settings.withRecommend(settings.recommend().withErasureCheckEvery(java.time.Duration.ZERO)
        .withContextCache(recommendations.contextCacheSize(), recommendations.contextTtl()));
  }

  /** The environment variable that may hold the master key (Base64 of 32 bytes) instead of the key directory. */
  public static final String MASTER_KEY_ENV = "SHOPSENSE_MASTER_KEY";

  /** The mapping of {@code shopsense.crypto.*}: null when off; public for its test. */
  public static CryptoSettings toSettings(CryptoProperties c, Path dataDir, String masterKey) {
    if (!c.enabled()) {
      return null;
    }
    Path keyDir = c.keyDir() == null || c.keyDir().toString().isBlank() ? CryptoSettings.defaultKeyDir(dataDir)
        : c.keyDir().toAbsolutePath().normalize();
    CryptoSettings settings = new CryptoSettings(keyDir, masterKey == null || masterKey.isBlank() ? null : masterKey,
        c.sealTraits());
    settings.requireOutside(dataDir);
    return settings;
  }

  /** The mapping of {@code shopsense.privacy-requests.*}; public for its test. */
  public static PrivacyRequestSettings toSettings(PrivacyRequestProperties p) {
    return new PrivacyRequestSettings(p.deadline(), p.erasureCatchUp());
  }

  @Bean(destroyMethod = "close")
  Platform platform(PlatformSettings settings, Clock clock, IngestListener metrics) {
    return Platform.open(settings, clock, PersonIds.random(), metrics).start();
  }

  /** The mapping from the Spring-bound properties to the framework-free settings; public for its test. */
  public static PlatformSettings toSettings(StoreProperties store, IngestProperties ingest,
      IdentityProperties identity, LakeProperties lake) {
    Path dataDir = store.dataDir().toAbsolutePath().normalize();
    StoreSettings stores = new StoreSettings(store.type(), dataDir,
        new StoreSettings.Postgres(store.postgres().url(), store.postgres().user(), store.postgres().password(),
            store.postgres().schema()),
        store.fsync(), store.segmentSize().toBytes());
    IngestSettings ingestSettings = new IngestSettings(Math.toIntExact(ingest.maxEventSize().toBytes()),
        Math.toIntExact(ingest.maxBatchSize().toBytes()), ingest.maxBatchEvents(), ingest.maxIdLength(),
        ingest.maxNameLength(), ingest.maxClockSkew(), ingest.maxEventAge(), ingest.historicalFloor(),
        ingest.lateAfter(), ingest.knownEventsOnly(), new HashSet<>(ingest.customEvents()));
    IdentitySettings identitySettings = new IdentitySettings(identity.maxIdentifiersPerPerson(),
        kinds(identity.uniqueKinds(), "shopsense.identity.unique-kinds"),
        kinds(identity.traitIdentifiers(), "shopsense.identity.trait-identifiers"), identity.cacheSize());
    LakeSettings lakeSettings = null;
    if (lake.enabled()) {
      Path dir = lake.dir() == null || lake.dir().toString().isBlank() ? dataDir.resolve("lake")
          : lake.dir().toAbsolutePath().normalize();
      lakeSettings = new LakeSettings(dir, lake.flushEvents(), lake.flushInterval(), lake.compactMinFiles(),
          lake.memoryLimit(), lake.threads());
    }
    return new PlatformSettings(stores, ingestSettings, identitySettings, lakeSettings, ProfileSettings.defaults(),
        null);
  }

  /** The mapping of {@code shopsense.profile.*}; public for its test. */
  public static ProfileSettings toSettings(ProfileProperties p) {
    if ((p.activeFor() == null) != (p.churnAfter() == null)) {
      throw new IllegalArgumentException("shopsense.profile.active-for and shopsense.profile.churn-after go together:"
          + " set both, or neither to fit them on the shop's order gaps");
    }
    LifecycleWindows windows = p.activeFor() == null ? null : new LifecycleWindows(p.activeFor(), p.churnAfter());
    return new ProfileSettings(new Interests.Settings(p.viewWeight(), p.cartWeight(), p.purchaseWeight(),
        p.halfLife()), windows, p.refreshEvery(), p.realTime());
  }

  /** The mapping of {@code shopsense.consent.*}; public for its test. */
  public static ConsentSettings toSettings(ConsentProperties c) {
    Map<Purpose, LawfulBasis> necessary = new EnumMap<>(Purpose.class);
    c.strictlyNecessary().forEach((purpose, basis) -> necessary.put(
        Purpose.fromWire(purpose).orElseThrow(() -> new IllegalArgumentException("shopsense.consent.strictly-necessary:"
            + " unknown purpose '" + purpose + "'; known: " + wireNames(Purpose.values()))),
        LawfulBasis.fromWire(basis).orElseThrow(() -> new IllegalArgumentException("shopsense.consent.strictly-"
            + "necessary." + purpose + ": unknown lawful basis '" + basis + "'; known: "
            + wireNames(LawfulBasis.values())))));
    return new ConsentSettings(necessary, c.followEvery(), c.cacheTtl(), c.maxCachedPersons());
  }

  private static String wireNames(Enum<?>[] values) {
    return java.util.Arrays.stream(values).map(v -> v.name().toLowerCase(java.util.Locale.ROOT))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private static Set<IdentifierKind> kinds(List<String> names, String key) {
    Set<IdentifierKind> kinds = EnumSet.noneOf(IdentifierKind.class);
    for (String name : names) {
      kinds.add(IdentifierKind.fromKey(name.strip()).orElseThrow(() -> new IllegalArgumentException(
          key + ": unknown identifier kind '" + name + "'; known: user_id, anonymous_id, email, phone")));
    }
    return kinds;
  }
}
