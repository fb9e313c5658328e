package io.shopsense.platform;

import static io.shopsense.platform.PlatformFixture.awaitPipeline;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.privacy.PrivacyRequest;
import io.shopsense.api.privacy.ReportLine;
import io.shopsense.api.privacy.RequestStatus;
import io.shopsense.api.privacy.RequestType;
import io.shopsense.core.collect.EventOutcome;
import io.shopsense.core.identity.IdentitySettings;
import io.shopsense.core.privacy.NewPrivacyRequest;
import io.shopsense.core.privacy.SubjectRef;
import io.shopsense.lake.DuckDbSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test for erasure: a shop with a target person known by two anonymous ids, a user id, an
 * email and a phone, with a name and a street address, whose events went through the whole pipeline (identities
 * merged, traits, profile, segment entered, lake files, the lake's identity snapshot, a quarantined bad event that
 * carries their email), among other persons. Their export holds their data; after their erasure no trace of any
 * identifier or personal value is left in any table and text column of the store (found through JDBC metadata), in
 * any file under the data directory (raw bytes), in the lake's Parquet files read back through DuckDB (every column
 * cast to text, since Parquet compresses strings), or in a fresh export; the other persons' data remains.
 */
public class PersonErasureNoTraceTest {
  private static final String ANON_1 = "anon-tgt-7f3a9c";
  private static final String ANON_2 = "anon-tgt-b2c9e1";
  private static final String USER = "user-tgt-55210";
  private static final String EMAIL = "target.person.q7@example.org";
  private static final String PHONE_RAW = "+86 139-4471-2208";
  private static final String PHONE = "+8613944712208";
  private static final String NAME = "Zhao Xiaoming-Tgt";
  private static final String STREET = "88 Erasure Road Apt 4417";
  /** Everything that must leave no trace, searched for without regard to case. */
  private static final List<String> TRACES = List.of(ANON_1, ANON_2, USER, EMAIL, PHONE_RAW, PHONE, NAME, STREET);

  private static final String OTHER_USER = "user-other-31337";
  private static final String OTHER_EMAIL = "other.customer.k2@example.net";
  private static final String OTHER_NAME = "Li Other-Customer";

  @TempDir
  Path dir;

  @Test
  void erasingAPersonLeavesNoTraceInAnyStoreFileLakeFileOrExport() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Path data = dir.resolve("data");
    PlatformSettings d = settings(data);
    // the phone in traits identifies a person too, so the target owns every kind of identifier
    PlatformSettings settings = new PlatformSettings(d.store(), d.ingest(), new IdentitySettings(50,
        Set.of(IdentifierKind.USER_ID), Set.of(IdentifierKind.EMAIL, IdentifierKind.PHONE), 100_000), d.lake(),
        // nothing pre-ticked: both customers answer the cookie banner, so the consent ledger holds the target's ids
        d.profile(), d.crypto(), io.shopsense.core.consent.ConsentSettings.defaults(), d.privacyRequests());
    String requestId;
    try (Platform p = PlatformFixture.open(settings)) {
      p.segments().save("buyers", "Buyers", "ordered at least once", "behaviour.orders >= 1");
      shop(p, now);
      awaitPipeline(p);
      awaitLake(p);
      // a batch rebuild writes the identity snapshot beside the lake, with every identifier
      p.rebuildProfiles(false);
      PersonId target = p.persons().find(new io.shopsense.api.identity.Identifier(IdentifierKind.USER_ID, USER))
          .orElseThrow().id();
      assertThat(p.stores().segmentStore().segmentsOf(List.of(target))).containsEntry(target, Set.of("buyers"));
      assertThat(p.quarantine().list(new io.shopsense.api.collect.QuarantineQuery(null, null, null, 0, 100))
          .items()).hasSize(2);
      assertThat(DuckDb.count(p, "select count(*) from events where user_id = '" + USER + "'")).isPositive();
      // the serving path has the target in memory: their person (by user id) and their recommendation context
      io.shopsense.api.identity.Identifier userId =
          new io.shopsense.api.identity.Identifier(IdentifierKind.USER_ID, USER);
      assertThat(p.servingPersons().owner(userId)).contains(target);
      assertThat(p.servingPersons().live(target)).contains(target);
      assertThat(p.recommendationService().recommend(new io.shopsense.core.recommend.serve.RecommendationRequest(
          io.shopsense.core.recommend.serve.Scene.HOME, java.util.Optional.of(target), List.of(), 5,
          Locale.ENGLISH))).isNotNull();

      // campaigns hold the target too: a message rendered with their name (in the outbox and their in-app inbox),
      // preferences, an unsubscribe and the suppression it causes, a coupon grant and a journey enrolment
      io.shopsense.platform.campaign.Campaigns campaigns = p.campaigns();
      campaigns.installReadyMade(true);
      campaigns.stores().templates().save(new io.shopsense.api.offer.MessageTemplate("hello",
          io.shopsense.api.campaign.ContentCategory.SERVICE, io.shopsense.api.offer.TemplateLocale.EN,
          "Hello {{person.name}}", "", "Hello {{person.name}}, your account is ready."), now);
      assertThat(campaigns.flow().submit(List.of(io.shopsense.core.campaign.flow.SendRequest.at(
          io.shopsense.api.delivery.DeliveryKey.campaign("hello", target),
          new io.shopsense.api.journey.SendSpec("in_app", "hello", "service", null, 0), now, null))).get(0))
          .isInstanceOf(io.shopsense.core.campaign.flow.SendOutcome.Queued.class);
      campaigns.dispatchNow();
      assertThat(campaigns.stores().inbox().list(target, false, 10)).singleElement()
          .satisfies(m -> assertThat(m.subject()).isEqualTo("Hello " + NAME));
      campaigns.stores().preferences().save(new io.shopsense.api.campaign.ContactPreferences(target,
          Set.of(io.shopsense.api.campaign.Channel.IN_APP), Set.of("news"),
          io.shopsense.api.campaign.ContactPreferences.Frequency.WEEKLY, now));
      campaigns.stores().blocks().add(new io.shopsense.api.campaign.ContactBlock(target,
          io.shopsense.api.campaign.ContactBlock.Kind.UNSUBSCRIBED, io.shopsense.api.campaign.ContactBlock.Scope.ALL,
          "", "unsubscribe-link", now));
      assertThat(campaigns.flow().submit(List.of(io.shopsense.core.campaign.flow.SendRequest.at(
          io.shopsense.api.delivery.DeliveryKey.campaign("promo", target),
          new io.shopsense.api.journey.SendSpec("in_app", "hello", "promotional", null, 0), now, null))).get(0))
          .isInstanceOf(io.shopsense.core.campaign.flow.SendOutcome.Suppressed.class);
      assertThat(campaigns.coupons().grant("win-back", target, "tgt-grant"))
          .isInstanceOf(io.shopsense.api.offer.GrantResult.Granted.class);
      campaigns.journeyEngine().onSignal(new io.shopsense.core.campaign.journey.JourneySignal.EventSeen(target,
          "Product Added", Map.of(), now));
      assertThat(campaigns.stores().journeys().enrolments("cart-abandonment", target)).hasSize(1);

      // export: the archive holds the target's identifiers, traits, events and segments
      PrivacyRequest access = p.privacyRequests().submit(new NewPrivacyRequest(RequestType.ACCESS,
          SubjectRef.of(null, null, EMAIL.toUpperCase(Locale.ROOT), null, null), Properties.EMPTY));
      assertThat(access.status()).isEqualTo(RequestStatus.COMPLETED);
      Map<String, String> archive = archive(p, access.id());
      assertThat(archive).containsKeys("README.txt", "identifiers.json", "identifiers.csv", "traits.csv",
          "profile.json", "events.json", "events.csv", "segment_memberships.csv", "messages.json", "usage_log.csv",
          "consents.csv");
      assertThat(archive.get("consents.csv")).contains("marketing_email", "cookie_banner");
      assertThat(archive.get("identifiers.csv")).contains(ANON_1, ANON_2, USER, EMAIL, PHONE);
      assertThat(archive.get("traits.csv")).contains(NAME, STREET);
      assertThat(archive.get("events.json")).contains("tgt-e1", "tgt-e6");
      assertThat(archive.get("segment_memberships.csv")).contains("buyers");
      assertThat(archive.get("campaign_messages.csv")).contains("Hello " + NAME, "unsubscribed", "weekly");
      assertThat(archive.get("profile.csv")).contains("behaviour.orders");
      assertThat(String.join("\n", archive.values())).doesNotContain(OTHER_USER, OTHER_EMAIL, OTHER_NAME);

      // erase
      PrivacyRequest erasure = p.privacyRequests().submit(new NewPrivacyRequest(RequestType.ERASURE,
          SubjectRef.of(USER, null, null, null, null), Properties.EMPTY));
      assertThat(erasure.status()).isEqualTo(RequestStatus.COMPLETED);
      assertThat(erasure.subject()).isEqualTo(PrivacyRequest.ERASED_SUBJECT);
      // the serving caches forgot the target at once (the cached answers would serve them for 10 s more)
      assertThat(p.servingPersons().owner(userId)).isEmpty();
      assertThat(p.servingPersons().live(target)).isEmpty();
      assertThat(line(erasure, "caches", "serving persons").count()).isEqualTo(1);
      assertThat(line(erasure, "caches", "recommendation contexts").count()).isEqualTo(1);
      assertThat(erasure.report()).extracting(ReportLine::step).contains("profile", "traits", "usage_log",
          "quarantine", "events", "lake_identity_snapshot", "consents", "identities", "caches", "training_exclusion");
      assertThat(line(erasure, "consents", "consent_records").count()).isEqualTo(6);
      assertThat(line(erasure, "events", "event log").count()).isPositive();
      assertThat(line(erasure, "identities", "identifiers").count()).isEqualTo(5);
      assertThat(line(erasure, "identities", "persons").count()).isEqualTo(2);
      assertThat(line(erasure, "quarantine", "quarantine").count()).isEqualTo(1);
      assertThat(line(erasure, "profile", "profiles").count()).isEqualTo(1);
      // outbox 2 (the sent and the suppressed), inbox, preferences, block, suppression, contact, grant, enrolment
      assertThat(line(erasure, "campaigns", "campaign_records").count()).isGreaterThanOrEqualTo(8);
      assertThat(campaigns.stores().inbox().list(target, false, 10)).isEmpty();
      assertThat(campaigns.stores().journeys().enrolments("cart-abandonment", target)).isEmpty();
      assertThat(line(erasure, "profile", "segment_members").count()).isEqualTo(1);
      assertThat(p.stores().erasureRegister().erasedSince(now.minusSeconds(60))).extracting(e -> e.person())
          .contains(target);
      assertThat(p.privacyRequests().find(access.id()).orElseThrow().subject())
          .isEqualTo(PrivacyRequest.ERASED_SUBJECT);
      requestId = erasure.id();

      // a fresh export: the target is known no more; the other person's archive is whole and holds nothing of theirs
      PrivacyRequest again = p.privacyRequests().submit(new NewPrivacyRequest(RequestType.ACCESS,
          SubjectRef.of(null, null, EMAIL, null, null), Properties.EMPTY));
      assertThat(again.status()).isEqualTo(RequestStatus.REJECTED);
      PrivacyRequest other = p.privacyRequests().submit(new NewPrivacyRequest(RequestType.ACCESS,
          SubjectRef.of(OTHER_USER, null, null, null, null), Properties.EMPTY));
      Map<String, String> otherArchive = archive(p, other.id());
      assertThat(otherArchive.get("identifiers.csv")).contains(OTHER_USER, OTHER_EMAIL);
      assertThat(otherArchive.get("traits.csv")).contains(OTHER_NAME);
      assertThat(otherArchive.get("events.json")).contains("oth-e1", "oth-e3");
      List<String> traces = new ArrayList<>();
      otherArchive.forEach((name, text) -> find("fresh export " + name, text, traces));
      assertThat(traces).as("traces in a fresh export").isEmpty();
      assertThat(p.stores().profileStore().count()).isEqualTo(1);
    }

    List<String> traces = new ArrayList<>();
    Map<String, Long> rows = searchDatabase(data, traces);
    searchFiles(data, traces);
    searchLake(d, traces);

    // the others remain: the other person's identifiers, traits, quarantined record, profile and events
    assertThat(rows.get("identifiers")).isEqualTo(2);
    assertThat(rows.get("traits")).isPositive();
    assertThat(rows.get("quarantine")).isEqualTo(1);
    assertThat(rows.get("profiles")).isEqualTo(1);
    assertThat(rows.get("consent_records")).isEqualTo(3);
    assertThat(rows.get("privacy_requests")).isEqualTo(4);
    assertThat(requestId).isNotBlank();
    assertThat(traces).as("traces of the erased person").isEmpty();
  }

  /** The target's journey (two devices merged by login, an order, a bad event) and another customer's. */
  private static void shop(Platform p, Instant now) {
    String t0 = now.minusSeconds(3_600).toString();
    String t1 = now.minusSeconds(3_000).toString();
    String t2 = now.minusSeconds(2_400).toString();
    var accepted = PlatformFixture.ingest(p, now,
        consent("tgt-c1", "'anonymousId':'" + ANON_1 + "'", t0),
        consent("tgt-c2", "'anonymousId':'" + ANON_2 + "'", t0),
        consent("oth-c1", "'userId':'" + OTHER_USER + "'", t0),
        "{'type':'page','messageId':'tgt-e1','anonymousId':'" + ANON_1 + "','name':'Home','timestamp':'" + t0 + "'}",
        "{'type':'track','event':'Product Viewed','messageId':'tgt-e2','anonymousId':'" + ANON_1 + "','timestamp':'"
            + t0 + "','properties':{'product_id':'p-1','price':10}}",
        "{'type':'identify','messageId':'tgt-e3','anonymousId':'" + ANON_1 + "','userId':'" + USER
            + "','timestamp':'" + t1 + "','traits':{'email':'" + EMAIL + "','phone':'" + PHONE_RAW + "','name':'"
            + NAME + "','address':{'street':'" + STREET + "','city':'Hangzhou'},'street':'" + STREET + "'}}",
        "{'type':'track','event':'Product Viewed','messageId':'tgt-e4','anonymousId':'" + ANON_2 + "','timestamp':'"
            + t1 + "','properties':{'product_id':'p-2','price':20}}",
        "{'type':'identify','messageId':'tgt-e5','anonymousId':'" + ANON_2 + "','userId':'" + USER
            + "','timestamp':'" + t2 + "'}",
        "{'type':'track','event':'Order Completed','messageId':'tgt-e6','userId':'" + USER + "','timestamp':'" + t2
            + "','context':{'traits':{'email':'" + EMAIL + "'}},'properties':{'order_id':'o-tgt-1','revenue':30,"
            + "'currency':'EUR','products':[{'product_id':'p-1','price':10,'quantity':1},"
            + "{'product_id':'p-2','price':20}]}}",
        "{'type':'track','event':'Product Viewed','messageId':'oth-e1','userId':'" + OTHER_USER + "','timestamp':'"
            + t0 + "','properties':{'product_id':'p-1','price':10}}",
        "{'type':'identify','messageId':'oth-e2','userId':'" + OTHER_USER + "','timestamp':'" + t1
            + "','traits':{'email':'" + OTHER_EMAIL + "','name':'" + OTHER_NAME + "'}}",
        "{'type':'track','event':'Order Completed','messageId':'oth-e3','userId':'" + OTHER_USER + "','timestamp':'"
            + t2 + "','properties':{'order_id':'o-oth-1','revenue':10,'currency':'EUR',"
            + "'products':[{'product_id':'p-1','price':10,'quantity':1}]}}",
        // bad events (no order id): the target's carries their email, in another case than they registered it
        "{'type':'track','event':'Order Completed','messageId':'tgt-bad','userId':'" + USER + "','timestamp':'" + t2
            + "','context':{'traits':{'email':'" + EMAIL.toUpperCase(Locale.ROOT) + "'}},'properties':{'revenue':5}}",
        "{'type':'track','event':'Order Completed','messageId':'oth-bad','userId':'" + OTHER_USER + "','timestamp':'"
            + t2 + "','properties':{'revenue':5}}");
    assertThat(accepted.count(EventOutcome.Status.ACCEPTED)).isEqualTo(12);
    assertThat(accepted.count(EventOutcome.Status.REJECTED)).isEqualTo(2);
  }

  private static String consent(String messageId, String ids, String at) {
    return "{'type':'track','event':'Consent Updated','messageId':'" + messageId + "'," + ids + ",'timestamp':'" + at
        + "','properties':{'purposes':{'analytics':true,'personalisation':true,'marketing_email':true},"
        + "'notice_version':'2026-05','source':'cookie_banner'}}";
  }

  private static ReportLine line(PrivacyRequest r, String step, String where) {
    return r.report().stream().filter(l -> l.step().equals(step) && l.where().equals(where)).findFirst()
        .orElseThrow(() -> new AssertionError("no report line " + step + "/" + where + " in " + r.report()));
  }

  private static Map<String, String> archive(Platform p, String id) throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    p.privacyRequests().writeArchive(id, zip);
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()), StandardCharsets.UTF_8)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }

  private static void find(String where, String text, List<String> traces) {
    if (text == null) {
      return;
    }
    String haystack = text.toLowerCase(Locale.ROOT);
    for (String t : TRACES) {
      if (haystack.contains(t.toLowerCase(Locale.ROOT))) {
        traces.add(where + " holds '" + t + "'");
      }
    }
  }

  /** The platform's settings over the data directory: the embedded store here. */
  protected PlatformSettings settings(Path data) {
    return PlatformFixture.embedded(data);
  }

  /** A connection to the platform's database, closed (the platform is) when this is called. */
  protected Connection database(Path data) throws Exception {
    return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db").resolve("shopsense")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
  }

  /** The schema of the platform's tables. */
  protected String schema() {
    return "public";
  }

  /** Every column of every table, read as text (binary columns as bytes); returns the row count per table. */
  private Map<String, Long> searchDatabase(Path data, List<String> traces) throws Exception {
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection c = database(data)) {
      DatabaseMetaData meta = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(null, schema(), "%", new String[] {"TABLE", "BASE TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).contains("persons", "identifiers", "traits", "profiles", "quarantine", "privacy_requests");
      for (String table : tables) {
        long n = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from \"" + schema() + "\".\""
            + table + "\"")) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            n++;
            for (int i = 1; i <= columns; i++) {
              int type = rs.getMetaData().getColumnType(i);
              String where = "table " + table + "." + rs.getMetaData().getColumnName(i);
              if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY
                  || type == Types.BLOB) {
                byte[] b = rs.getBytes(i);
                find(where, b == null ? null : new String(b, StandardCharsets.ISO_8859_1), traces);
              } else {
                find(where, rs.getString(i), traces);
              }
            }
          }
        }
        rows.put(table, n);
      }
    }
    return rows;
  }

  /** The raw bytes of every file under the data directory (the event log, the database file, the lake, …). */
  private static void searchFiles(Path data, List<String> traces) throws IOException {
    if (!Files.isDirectory(data)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> all = Files.walk(data)) {
      files = all.filter(Files::isRegularFile).toList();
    }
    assertThat(files).as("files under the data directory").isNotEmpty();
    for (Path f : files) {
      find("file " + data.relativize(f), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1), traces);
    }
  }

  /** Every Parquet file of the lake through DuckDB, every column cast to text. */
  private static void searchLake(PlatformSettings settings, List<String> traces) throws Exception {
    List<Path> parquet;
    try (Stream<Path> all = Files.walk(settings.lake().directory())) {
      parquet = all.filter(f -> f.toString().endsWith(".parquet")).toList();
    }
    assertThat(parquet).as("lake files").isNotEmpty();
    try (DuckDbSession db = new DuckDbSession(settings.lake()); Statement s = db.connection().createStatement()) {
      for (Path f : parquet) {
        try (ResultSet rs = s.executeQuery("select * from read_parquet(" + DuckDbSession.literal(f) + ")")) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              Object v = rs.getObject(i);
              find("lake " + settings.lake().directory().relativize(f) + " column "
                  + rs.getMetaData().getColumnName(i), v == null ? null : String.valueOf(v), traces);
            }
          }
        }
      }
    }
  }

  /** Counts over the platform's lake. */
  private static final class DuckDb {
    static long count(Platform p, String sql) {
      return PlatformFixture.lakeLong(p, sql);
    }
  }

  private static void awaitLake(Platform p) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (PlatformFixture.lakeLong(p, "select count(*) from events") >= 9) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the lake did not get the events");
  }
}
