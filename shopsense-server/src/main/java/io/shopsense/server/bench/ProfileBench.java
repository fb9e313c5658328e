package io.shopsense.server.bench;

import io.shopsense.api.profile.ProfileFacts;
import io.shopsense.core.collect.IngestListener;
import io.shopsense.core.identity.PersonIds;
import io.shopsense.core.profile.BehaviourView;
import io.shopsense.core.profile.ProfileEngine;
import io.shopsense.core.profile.ProfileModel;
import io.shopsense.core.profile.RfmModel;
import io.shopsense.demo.DemoSettings;
import io.shopsense.demo.DemoShop;
import io.shopsense.lake.DuckDbSession;
import io.shopsense.lake.LakeProfileSource;
import io.shopsense.lake.LakeSettings;
import io.shopsense.lake.LakeTable;
import io.shopsense.platform.Platform;
import io.shopsense.platform.PlatformSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The batch profile rebuild against its near-limit baseline, on the same Parquet files in the same run: a generated
 * shop is loaded once (through the in-process ingest path, identity and the lake, with real-time profiles off) into
 * a data directory that later runs reuse; then each run times (1) a hand-written DuckDB SQL aggregate computing the
 * behaviour and RFM fields per person (counts, sums, distinct sessions and days, last order, order gaps, discount
 * share, favourite categories and brands, habitual hour and weekday, devices and channels, RFM quintile scores) over
 * the lake joined with the identity snapshot, and (2) ShopSense's rebuild: the same files read by
 * {@link LakeProfileSource}, every event decoded and folded by the core, the RFM model fitted and every person scored.
 */
@Command(name = "profiles", description = "Batch profile rebuild from the lake against a hand-written DuckDB SQL aggregate.")
public class ProfileBench implements Callable<Integer> {
  @Option(names = "--events", defaultValue = "1000000", description = "generated events (default: ${DEFAULT-VALUE})")
  long events;

  @Option(names = "--customers", defaultValue = "0", description = "shop customers (default: derived, ~1 per 10 events)")
  int customers;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(names = "--runs", defaultValue = "2")
  int runs;

  @Option(names = "--threads", defaultValue = "2", description = "DuckDB threads (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--memory", defaultValue = "4GB", description = "DuckDB memory limit (default: ${DEFAULT-VALUE})")
  String memory;

  @Option(names = "--work-dir", defaultValue = "./data/bench-profiles")
  Path workDir;

  @Override
  public Integer call() throws Exception {
    Path dir = workDir.resolve("shop-" + events + "-" + customers + "-" + seed).toAbsolutePath();
    if (!Files.exists(dir.resolve("READY"))) {
      prepare(dir);
    }
    LakeSettings lake = LakeSettings.defaults(dir.resolve("lake")).withDuckDb(memory, threads);
    System.out.printf(Locale.ROOT, "bench profiles: %s, %d cores, DuckDB %d threads %s%n", dir,
        Runtime.getRuntime().availableProcessors(), threads, memory);
    for (int run = 1; run <= runs; run++) {
      long t0 = System.nanoTime();
      long[] sql = sqlAggregate(lake);
      double sqlSeconds = (System.nanoTime() - t0) / 1e9;
      t0 = System.nanoTime();
      long[] ours = rebuild(lake, threads);
      double ourSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "run %d: SQL aggregate %.2f s (%,d persons, %,d customers); ShopSense rebuild "
              + "%.2f s (%,d persons, %,d customers, %,d events folded, %,.0f events/s); ratio %.2f%n", run,
          sqlSeconds, sql[0], sql[1], ourSeconds, ours[0], ours[1], ours[2], ours[2] / ourSeconds,
          ourSeconds / sqlSeconds);
    }
    return 0;
  }

  /** Loads the generated shop through the real ingest path, identity and the lake; writes the identity snapshot. */
  private void prepare(Path dir) throws Exception {
    Files.createDirectories(dir);
    Instant now = Instant.parse("2026-11-01T00:00:00Z");
    DemoSettings demo = DemoSettings.of(seed, events, now);
    if (customers > 0) {
      demo = demo.withCustomers(customers);
    }
    DemoShop shop = DemoShop.of(demo);
    PlatformSettings defaults = PlatformSettings.embedded(dir);
    PlatformSettings settings = new PlatformSettings(defaults.store(), defaults.ingest(), defaults.identity(),
        defaults.lake().withFlushEvents(200_000), defaults.profile().withRealTime(false),
        // the bench compares rebuilds of every event: nothing is withheld for want of consent
        defaults.crypto(), BenchShop.everythingKept());
    long t0 = System.nanoTime();
    long n = 0;
    try (Platform p = Platform.open(settings, Clock.systemUTC(), PersonIds.sequential(), IngestListener.NONE)
        .start()) {
      n = BenchShop.load(p, shop, now, t0);
      LakeProfileSource.exportIdentities(p.stores().identityGraph(), settings.lake());
      System.out.printf(Locale.ROOT, "prepared %,d events, %,d persons in %.0f s%n", n,
          p.stores().identityGraph().persons(), (System.nanoTime() - t0) / 1e9);
    }
    Files.writeString(dir.resolve("READY"), Long.toString(n));
  }

  /** ShopSense's batch path: persons, customers, events folded. */
  static long[] rebuild(LakeSettings lake, int threads) throws Exception {
    ProfileEngine engine = ProfileEngine.defaults();
    Instant now = Instant.parse("2026-11-01T00:00:00Z");
    long[] folded = {0};
    ProfileModel.Fitter fitter = new ProfileModel.Fitter();
    List<double[]> values = new ArrayList<>();
    long persons = new LakeProfileSource(lake).fold(engine, 2_000, threads, states -> states.values().forEach(s -> {
      BehaviourView v = s.behaviour().view();
      folded[0] += v.events();
      ProfileFacts facts = engine.facts(s, v, now);
      fitter.accept(facts);
      if (v.orders() > 0) {
        values.add(new double[] {v.lastOrder().getEpochSecond(), v.orders(), v.netRevenue().doubleValue()});
      }
    }));
    ProfileModel model = fitter.fit(null, now);
    long customers = 0;
    for (double[] v : values) {
      RfmModel.Rfm rfm = model.rfm().score(Instant.ofEpochSecond((long) v[0]), (long) v[1],
          java.math.BigDecimal.valueOf(v[2]));
      customers += rfm == null ? 0 : 1;
    }
    return new long[] {persons, customers, folded[0]};
  }

  /** The baseline: persons and customers of the hand-written aggregate, materialised into a table. */
  static long[] sqlAggregate(LakeSettings lake) throws Exception {
    String events = files(lake, LakeTable.EVENTS);
    String lines = files(lake, LakeTable.LINES);
    String ids = DuckDbSession.literal(
        lake.directory().resolve(LakeProfileSource.IDENTITIES).resolve(LakeProfileSource.LINKS_FILE));
    String person = "coalesce(u.person_id, a.person_id)";
    String join = " LEFT JOIN ids u ON u.kind = 'USER_ID' AND u.value = x.user_id"
        + " LEFT JOIN ids a ON a.kind = 'ANONYMOUS_ID' AND a.value = x.anonymous_id";
    String sql = "CREATE OR REPLACE TABLE profiles AS WITH ids AS (SELECT * FROM read_parquet(" + ids + ")),"
        + " e AS (SELECT " + person + " AS person, x.*, timezone(coalesce(x.timezone, 'UTC'), x.\"timestamp\") AS local"
        + " FROM read_parquet([" + events + "]) x" + join + " WHERE " + person + " IS NOT NULL),"
        + " l AS (SELECT " + person + " AS person, x.* FROM read_parquet([" + lines + "]) x" + join
        + " WHERE " + person + " IS NOT NULL AND x.event IN ('Product Viewed', 'Product Added', 'Order Completed')),"
        + " b AS (SELECT person, min(\"timestamp\") AS first_seen, max(\"timestamp\") AS last_seen, count(*) AS events,"
        + " count(DISTINCT session_id) AS sessions, count(DISTINCT CAST(local AS DATE)) AS active_days,"
        + " count(*) FILTER (event = 'Product Viewed') AS views,"
        + " count(*) FILTER (event = 'Product Searched') AS searches,"
        + " count(*) FILTER (event = 'Product Added') AS cart_adds,"
        + " count(*) FILTER (event = 'Order Completed') AS orders,"
        + " coalesce(sum(coalesce(revenue, total)) FILTER (event = 'Order Completed'), 0) AS revenue,"
        + " count(*) FILTER (event = 'Order Refunded') AS refunds,"
        + " coalesce(sum(coalesce(revenue, total)) FILTER (event = 'Order Refunded'), 0) AS refunded,"
        + " min(\"timestamp\") FILTER (event = 'Order Completed') AS first_order,"
        + " max(\"timestamp\") FILTER (event = 'Order Completed') AS last_order,"
        + " count(*) FILTER (event = 'Order Completed' AND (discount > 0 OR coupon IS NOT NULL)) AS discounted,"
        + " mode(hour(local)) AS active_hour, mode(isodow(local)) AS active_weekday,"
        + " histogram(device_type) AS devices, histogram(channel) AS channels FROM e GROUP BY person),"
        + " u AS (SELECT person, sum(quantity) FILTER (event = 'Order Completed') AS units FROM l GROUP BY person),"
        + " c AS (SELECT person, category, count(*) AS n FROM l WHERE category IS NOT NULL GROUP BY ALL),"
        + " fc AS (SELECT person, list(category ORDER BY n DESC, category)[1:3] AS categories FROM c GROUP BY person),"
        + " br AS (SELECT person, brand, count(*) AS n FROM l WHERE brand IS NOT NULL GROUP BY ALL),"
        + " fb AS (SELECT person, list(brand ORDER BY n DESC, brand)[1:3] AS brands FROM br GROUP BY person),"
        + " r AS (SELECT b.*, u.units, fc.categories, fb.brands, revenue - refunded AS net,"
        + " CASE WHEN orders > 0 THEN revenue / orders END AS aov,"
        + " CASE WHEN orders > 1 THEN (epoch(last_order) - epoch(first_order)) / 86400.0 / (orders - 1) END"
        + " AS days_between, CASE WHEN orders > 0 THEN discounted / orders END AS discount_share"
        + " FROM b LEFT JOIN u USING (person) LEFT JOIN fc USING (person) LEFT JOIN fb USING (person)),"
        + " cuts AS (SELECT quantile_disc(epoch(last_order), [0.2, 0.4, 0.6, 0.8]) AS rc,"
        + " quantile_disc(orders, [0.2, 0.4, 0.6, 0.8]) AS fc, quantile_disc(net, [0.2, 0.4, 0.6, 0.8]) AS mc"
        + " FROM r WHERE orders > 0)"
        + " SELECT r.*, " + score("epoch(r.last_order)", "rc") + " AS recency, " + score("r.orders", "fc")
        + " AS frequency, " + score("r.net", "mc") + " AS monetary FROM r, cuts";
    try (DuckDbSession db = new DuckDbSession(lake); Statement s = db.connection().createStatement()) {
      s.execute(sql);
      try (ResultSet rs = s.executeQuery("SELECT count(*), count(*) FILTER (orders > 0) FROM profiles")) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2)};
      }
    }
  }

  private static String score(String value, String cuts) {
    return "CASE WHEN r.orders = 0 THEN NULL ELSE 1 + (" + value + " > " + cuts + "[1])::INT + (" + value + " > "
        + cuts + "[2])::INT + (" + value + " > " + cuts + "[3])::INT + (" + value + " > " + cuts + "[4])::INT END";
  }

  private static String files(LakeSettings lake, LakeTable table) {
    return LakeProfileSource.liveFiles(lake.directory(), table).stream().map(DuckDbSession::literal)
        .collect(Collectors.joining(", "));
  }
}
