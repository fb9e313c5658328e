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
 * segment holding them all. Then, in this process, runs a promotional email broadcast to the segment through the
 * platform's broadcasts (audience pages of 2,000: recipients, policy, rendering, outbox and contacts in one unit of
 * work per page) with the policy on, then another with the policy off, and times single policy checks of random
 * persons for the per-message p99.
 */
@Command(name = "campaigns", description = "A broadcast to 1M people with the contact policy on and off.")
public class CampaignBench implements Callable<Integer> {
  @Option(names = "--persons", defaultValue = "1000000")
  int persons;

  @Option(names = "--checks", defaultValue = "20000", description = "single policy checks to time")
  int checks;

  @Option(names = "--work-dir", defaultValue = "./data/bench-campaigns")
  Path workDir;

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
      long on = broadcast(campaigns, campaigns.broadcasts(), "bench-on-" + run, "policy on");
      long off = broadcast(campaigns, campaigns.broadcasts().withFlow(campaigns.flow().withoutPolicy()),
          "bench-off-" + run, "policy off");
      System.out.printf(Locale.ROOT, "ratio: policy on / policy off = %.2f%n", (double) on / off);
      policyChecks(campaigns.policy());
    }
    return 0;
  }

  /** Runs one broadcast to the whole segment now; returns its wall time in ms. */
  private long broadcast(Campaigns campaigns, Broadcasts broadcasts, String id, String label) {
    LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
    broadcasts.create(id, label, SEGMENT, new SendSpec("email", "bench-news", "promotional", "news", 10),
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

  private void prepare(Path dir) throws Exception {
    Files.createDirectories(dir);
    long t0 = System.nanoTime();
    PlatformSettings settings = stores(dir);
    try (Stores stores = StoreProvider.byId(settings.store().type()).open(settings.store())) {
      stores.segmentStore().save(new SegmentDefinition(SEGMENT, "Bench audience", "every bench person",
          "behaviour.events >= 0", NOW, NOW, 1));
      SplittableRandom random = new SplittableRandom(3);
      for (int from = 0; from < persons; from += 5_000) {
        int start = from;
        int end = Math.min(persons, from + 5_000);
        List<ConsentRecord> records = new ArrayList<>();
        List<PersonId> members = new ArrayList<>();
        List<Contact> sent = new ArrayList<>();
        stores.unitOfWork().run(() -> {
          for (int i = start; i < end; i++) {
            PersonId person = PersonId.of("p-" + i);
            Identifier user = new Identifier(IdentifierKind.USER_ID, "u" + i);
            stores.identityGraph().link(person, user, NOW);
            stores.traitStore().set(person, Properties.of(Map.of("email", "p" + i + "@bench.example",
                "name", "Person " + i, "timezone", ZONES.get(i % ZONES.size()).getId())), NOW);
            records.add(new ConsentRecord(0, ConsentSubject.of(user), Purpose.MARKETING_EMAIL,
                random.nextDouble() < 0.8, LawfulBasis.CONSENT, "signup", "2026-05", NOW, "bench-" + i));
            members.add(person);
            if (i % 3 == 0) {
              sent.add(Contact.sent(person, "bench|yesterday|p-" + i, Channel.EMAIL, ContentCategory.PROMOTIONAL,
                  "news", 10, Instant.now().minusSeconds(86_400)));
            }
          }
          stores.segmentStore().setMembers(SEGMENT, members, true, NOW);
          return null;
        });
        stores.consentLedger().append(records);
        stores.campaigns().contactLog().record(sent);
        if (end % 100_000 == 0) {
          System.out.printf(Locale.ROOT, "  wrote %,d persons (%.0f s)%n", end, (System.nanoTime() - t0) / 1e9);
        }
      }
    }
    Files.writeString(dir.resolve("READY"), Integer.toString(persons));
    System.out.printf(Locale.ROOT, "prepared %,d persons in %.0f s%n", persons, (System.nanoTime() - t0) / 1e9);
  }
}
