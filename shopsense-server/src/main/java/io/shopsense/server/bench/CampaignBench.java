package io.shopsense.server.bench;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.campaign.Contact;
import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.journey.SendSpec;
import io.shopsense.api.journey.StoredBroadcast;
import io.shopsense.api.offer.MessageTemplate;
import io.shopsense.api.offer.TemplateLocale;
import io.shopsense.api.privacy.ConsentRecord;
import io.shopsense.api.privacy.ConsentSubject;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.api.profile.SegmentDefinition;
import io.shopsense.core.campaign.policy.Candidate;
import io.shopsense.core.campaign.policy.ContactPolicy;
import io.shopsense.platform.Platform;
import io.shopsense.platform.PlatformSettings;
import io.shopsense.platform.StoreProvider;
import io.shopsense.platform.Stores;
import io.shopsense.platform.campaign.Broadcasts;
import io.shopsense.platform.campaign.Campaigns;
import io.shopsense.platform.delivery.SmtpSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The target "an audience of 1M people: policy checks + rendering + enqueueing in ≤ 60 s, with the policy on and
 * off; policy check p99 per message". Prepares an embedded data folder once: {@code --persons} persons with an email,
 * a name and one of eight time zones as traits, marketing-email consent for 80% of them (the rest are refused by the
 * consent rule), a message already sent yesterday to a third of them (so the caps have history to count), and one
 * segment holding them all; and a warm-up segment of other persons (a fiftieth as many, without history). Then, in
 * this process, warms up with a broadcast to the warm-up segment with the policy on and one with it off, and runs a
 * promotional email broadcast to the audience through the platform's broadcasts (audience pages of 2,000: one thread
 * reads recipients, checks the policy and renders the next page while another writes the outbox, contacts and
 * suppressions of the last one in one unit of work) with the policy on, then another with the policy off, and times
 * single policy checks of random persons for the per-message p99.
 */
@Command(name = "campaigns", description = "A broadcast to 1M people with the contact policy on and off.")
public class CampaignBench implements Callable<Integer> {
  @Option(names = "--persons", defaultValue = "1000000")
  int persons;

  @Option(names = "--checks", defaultValue = "20000", description = "single policy checks to time")
  int checks;

  @Option(names = "--work-dir", defaultValue = "./data/bench-campaigns")
  Path workDir;

  @Option(names = "--prepare-only", description = "prepare the data folder (or schema) and stop: a copy of it gives "
      + "each later run the same starting history")
  boolean prepareOnly;

  @Option(names = "--store", defaultValue = "embedded", description = "embedded (H2) or postgres")
  String store;

  @Option(names = "--pg-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/test")
  String pgUrl;

  @Option(names = "--pg-user", defaultValue = "postgres")
  String pgUser;

  @Option(names = "--pg-schema", defaultValue = "bench_campaigns", description = "made if absent; dropped by hand")
  String pgSchema;

  /** The stores of the run: the embedded H2 in the work directory, or a PostgreSQL schema. */
  private PlatformSettings stores(Path dir) {
    PlatformSettings e = PlatformSettings.embedded(dir);
    if (!"postgres".equals(store)) {
      return e;
    }
    return new PlatformSettings(new io.shopsense.platform.StoreSettings("postgres", dir,
        new io.shopsense.platform.StoreSettings.Postgres(pgUrl, pgUser, "", pgSchema), true,
        e.store().segmentBytes()), e.ingest(), e.identity(), e.lake(), e.profile());
  }

  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
  private static final String SEGMENT = "bench-audience";
  /** Other persons ({@code w-<i>}), for the warm-up broadcasts before the timed ones. */
  private static final String WARM_UP = "bench-warm-up";
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("Europe/London"),
      ZoneId.of("America/New_York"), ZoneId.of("America/Los_Angeles"), ZoneId.of("Asia/Shanghai"),
      ZoneId.of("Asia/Tokyo"), ZoneId.of("Australia/Sydney"), ZoneId.of("America/Sao_Paulo"));

  @Override
  public Integer call() throws Exception {
    Path dir = workDir.resolve(("postgres".equals(store) ? "pg-" + pgSchema + "-" : "store-") + persons)
        .toAbsolutePath();
    if (!Files.exists(dir.resolve("READY"))) {
      prepare(dir);
    }
    prepareWarmUp(dir); // data folders prepared before the warm-up existed get it now
    if (prepareOnly) {
      return 0;
    }
    PlatformSettings d = stores(dir);
    // an email channel configured (never dialled: the campaign loops are off), else every email message is
    // unsendable and the bench times nothing of the policy, the rendering or the outbox
    PlatformSettings settings = d.withCampaign(d.campaign().withEnabled(false).withSmtp(new SmtpSettings(
        "localhost", 25, "", "", false, "news@bench.example", "bench.example", Duration.ofSeconds(5),
        Duration.ofSeconds(5))));
    try (Platform platform = Platform.open(settings, Clock.systemUTC(), io.shopsense.core.identity.PersonIds
        .sequential(), io.shopsense.core.collect.IngestListener.NONE)) {
      Campaigns campaigns = platform.campaigns();
      campaigns.stores().templates().save(new MessageTemplate("bench-news", ContentCategory.PROMOTIONAL,
          TemplateLocale.EN, "News for you{{#person.name}}, {{person.name}}{{/person.name}}",
          "<p>Hello{{#person.name}} {{person.name}}{{/person.name}}, our autumn collection is in.</p>"
              + "<p><a href=\"{{links.preferences}}\">Preferences</a> · <a href=\"{{links.unsubscribe}}\">"
              + "Unsubscribe</a></p>",
          "Hello, our autumn collection is in. Unsubscribe: {{links.unsubscribe}}"), Instant.now());
      String run = Long.toString(System.currentTimeMillis(), 36);
      Broadcasts withPolicy = campaigns.broadcasts();
      Broadcasts withoutPolicy = campaigns.broadcasts().withFlow(campaigns.flow().withoutPolicy());
      // the JIT compiles both paths on other persons first, so that neither timed run pays for it (the first one
      // did: about 2.5 s of a 200k-person run)
      broadcast(withPolicy, WARM_UP, "warm-on-" + run, "policy on, warm-up");
      broadcast(withoutPolicy, WARM_UP, "warm-off-" + run, "policy off, warm-up");
      long on = broadcast(withPolicy, SEGMENT, "bench-on-" + run, "policy on");
      long off = broadcast(withoutPolicy, SEGMENT, "bench-off-" + run, "policy off");
      System.out.printf(Locale.ROOT, "ratio: policy on / policy off = %.2f%n", (double) on / off);
      policyChecks(campaigns.policy());
    }
    return 0;
  }

  /** Runs one broadcast to the whole segment now; returns its wall time in ms. */
  private long broadcast(Broadcasts broadcasts, String segment, String id, String label) {
    LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
    broadcasts.create(id, label, segment, new SendSpec("email", "bench-news", "promotional", "news", 10),
        tomorrow, LocalTime.of(10, 0), ZoneOffset.UTC);
    long t0 = System.nanoTime();
    broadcasts.runNow(id); // checked, rendered and queued now; each message due at 10:00 tomorrow in its zone
    long ms = (System.nanoTime() - t0) / 1_000_000;
    StoredBroadcast b = broadcasts.find(id).orElseThrow();
    System.out.printf(Locale.ROOT, "broadcast with the %s: %,d people in %.1f s (%,.0f people/s): %,d queued, %,d"
        + " suppressed, %,d held; status %s%n", label, b.counts().audience(), ms / 1e3,
        b.counts().audience() * 1000.0 / Math.max(1, ms), b.counts().queued(), b.counts().suppressed(),
        b.counts().held(), b.status());
    return ms;
  }

  /** Single checks of random persons, as a journey step asks: the per-message latency. */
  private void policyChecks(ContactPolicy policy) {
    SplittableRandom random = new SplittableRandom(7);
    long[] nanos = new long[checks];
    for (int round = 0; round < 2; round++) { // the first round warms up
      for (int i = 0; i < checks; i++) {
        int p = random.nextInt(persons);
        Candidate c = new Candidate(PersonId.of("p-" + p), "bench|check-" + round + "-" + i + "|p-" + p,
            Channel.EMAIL, ContentCategory.PROMOTIONAL, "news", 10, ZONES.get(p % ZONES.size()));
        long s = System.nanoTime();
        policy.check(c);
        nanos[i] = System.nanoTime() - s;
      }
    }
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "single policy check (one message, the stores read for it): %,d checks, p50 %.3f"
        + " ms, p99 %.3f ms, max %.3f ms%n", checks, nanos[checks / 2] / 1e6, nanos[(int) (checks * 0.99)] / 1e6,
        nanos[checks - 1] / 1e6);
  }

  /** The warm-up audience: a fiftieth of the audience, at least 2,000 and at most 20,000 other persons. */
  private int warmUpPersons() {
    return Math.max(2_000, Math.min(20_000, persons / 50));
  }

  /** Adds the warm-up audience to a data folder prepared before there was one. */
  private void prepareWarmUp(Path dir) throws Exception {
    PlatformSettings settings = stores(dir);
    try (Stores stores = StoreProvider.byId(settings.store().type()).open(settings.store())) {
      if (stores.segmentStore().definition(WARM_UP).isEmpty()) {
        writePersons(stores, WARM_UP, "w-", warmUpPersons(), false, System.nanoTime());
      }
    }
  }

  /**
   * Writes {@code count} persons {@code <prefix><i>} with an email, a name and a zone, marketing-email consent for
   * 80% of them, and (with {@code history}) a message sent yesterday to a third; then the segment holding them all.
   */
  private static void writePersons(Stores stores, String segment, String prefix, int count, boolean history,
      long t0) {
    stores.segmentStore().save(new SegmentDefinition(segment, segment, "bench persons " + prefix + "*",
        "behaviour.events >= 0", NOW, NOW, 1));
    SplittableRandom random = new SplittableRandom(3);
    for (int from = 0; from < count; from += 5_000) {
      int start = from;
      int end = Math.min(count, from + 5_000);
      List<ConsentRecord> records = new ArrayList<>();
      List<PersonId> members = new ArrayList<>();
      List<Contact> sent = new ArrayList<>();
      stores.unitOfWork().run(() -> {
        for (int i = start; i < end; i++) {
          PersonId person = PersonId.of(prefix + i);
          Identifier user = new Identifier(IdentifierKind.USER_ID, prefix.replace("p-", "u") + i);
          stores.identityGraph().link(person, user, NOW);
          stores.traitStore().set(person, Properties.of(Map.of("email", prefix.replace("-", "") + i
              + "@bench.example", "name", "Person " + i, "timezone", ZONES.get(i % ZONES.size()).getId())), NOW);
          records.add(new ConsentRecord(0, ConsentSubject.of(user), Purpose.MARKETING_EMAIL,
              random.nextDouble() < 0.8, LawfulBasis.CONSENT, "signup", "2026-05", NOW, "bench-" + prefix + i));
          members.add(person);
          if (history && i % 3 == 0) {
            sent.add(Contact.sent(person, "bench|yesterday|" + prefix + i, Channel.EMAIL,
                ContentCategory.PROMOTIONAL, "news", 10, Instant.now().minusSeconds(86_400)));
          }
        }
        stores.segmentStore().setMembers(segment, members, true, NOW);
        return null;
      });
      stores.consentLedger().append(records);
      stores.campaigns().contactLog().record(sent);
      if (end % 100_000 == 0) {
        System.out.printf(Locale.ROOT, "  wrote %,d persons (%.0f s)%n", end, (System.nanoTime() - t0) / 1e9);
      }
    }
  }

  /**
   * Gathers PostgreSQL's planner statistics of the schema's tables, as a bulk load should be followed by (autovacuum
   * would, some time later): without them the planner reads a freshly loaded table whole for a list of keys.
   */
  private void analyze() throws java.sql.SQLException {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(pgUrl, pgUser, "")) {
      List<String> tables = new ArrayList<>();
      try (java.sql.PreparedStatement ps = c.prepareStatement("select tablename from pg_tables where schemaname = ?")) {
        ps.setString(1, pgSchema);
        try (java.sql.ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            tables.add(rs.getString(1));
          }
        }
      }
      try (java.sql.Statement st = c.createStatement()) {
        for (String table : tables) {
          st.execute("analyze \"" + pgSchema.replace("\"", "\"\"") + "\".\"" + table.replace("\"", "\"\"") + "\"");
        }
      }
    }
  }

  private void prepare(Path dir) throws Exception {
    Files.createDirectories(dir);
    long t0 = System.nanoTime();
    PlatformSettings settings = stores(dir);
    try (Stores stores = StoreProvider.byId(settings.store().type()).open(settings.store())) {
      writePersons(stores, SEGMENT, "p-", persons, true, t0);
      writePersons(stores, WARM_UP, "w-", warmUpPersons(), false, t0);
    }
    if ("postgres".equals(store)) {
      analyze();
    }
    Files.writeString(dir.resolve("READY"), Integer.toString(persons));
    System.out.printf(Locale.ROOT, "prepared %,d persons in %.0f s%n", persons, (System.nanoTime() - t0) / 1e9);
  }
}
