package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.id.SourceId;
import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.collect.IngestListener;
import io.shopsense.core.collect.IngestRequest;
import io.shopsense.core.identity.PersonIds;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.api.id.UserId;
import io.shopsense.lake.DuckDbSession;
import io.shopsense.lake.LakeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Platform#eraseEvents}: a person's events leave the event log's files and the lake, and the batch profile
 * rebuild from the lake no longer sees them; {@link Platform#applyRetention} deletes old raw events with a fixed clock.
 */
class EventErasureTest {
  private static final String ANONYMOUS = "anon-9d2e-jane";
  private static final String USER = "jane-doe-4711";
  private static final String EMAIL = "jane.doe@example.org";

  @TempDir
  Path dir;

  private static String[] personAndOthers() {
    List<String> events = new ArrayList<>();
    events.add("{'type':'page','name':'Home','messageId':'p-1','anonymousId':'" + ANONYMOUS + "'}");
    events.add("{'type':'track','event':'Product Viewed','messageId':'p-2','anonymousId':'" + ANONYMOUS
        + "','properties':{'product_id':'sku-1','price':5}}");
    events.add("{'type':'identify','messageId':'p-3','anonymousId':'" + ANONYMOUS + "','userId':'" + USER
        + "','traits':{'email':'" + EMAIL + "'}}");
    events.add("{'type':'track','event':'Order Completed','messageId':'p-4','userId':'" + USER
        + "','properties':{'order_id':'o-jane','total':20,'currency':'EUR','products':[{'product_id':'sku-1',"
        + "'price':10,'quantity':2}]}}");
    for (int i = 0; i < 20; i++) {
      events.add("{'type':'track','event':'Order Completed','messageId':'o-" + i + "','userId':'other-" + (i % 4)
          + "','properties':{'order_id':'o-" + i + "','total':10,'currency':'EUR','products':[{'product_id':"
          + "'sku-2','price':10,'quantity':1}]}}");
    }
    return events.toArray(String[]::new);
  }

  @Test
  void erasesThePersonFromTheLogFilesAndTheLakeAndTheRebuildNoLongerSeesThem() throws Exception {
    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      PlatformFixture.ingest(p, Instant.now(), personAndOthers());
      PlatformFixture.awaitPipeline(p);
      Set<PersonId> before = foldedPersons(p);
      assertThat(before).hasSize(5);
      Path links = p.settings().lake().directory().resolve("identities/links.parquet");
      long linksBefore = parquetRows(p.settings().lake(), links);
      assertThat(filesContaining(dir.resolve("events"), ANONYMOUS)).isNotEmpty();

      EventErasure erased = p.eraseEvents(Set.of(AnonymousId.of(ANONYMOUS)), Set.of(UserId.of(USER)));

      assertThat(erased.log().events()).isEqualTo(4);
      long linksRemoved = linksBefore - parquetRows(p.settings().lake(), links);
      assertThat(linksRemoved).as("the person's identity links").isGreaterThanOrEqualTo(3);
      // 4 events, 2 product lines (the view and the order), and the person's links in the identity snapshot
      assertThat(erased.lake().rowsRemoved()).isEqualTo(4 + 2 + linksRemoved);
      assertThat(erased.lake().bytesRewritten()).isPositive();
      for (String secret : List.of(ANONYMOUS, USER, EMAIL, "o-jane")) {
        assertThat(filesContaining(dir.resolve("events"), secret)).as(secret).isEmpty();
        assertThat(lakeFilesMentioning(p.settings().lake(), secret)).as(secret).isEmpty();
      }
      assertThat(PlatformFixture.lakeLong(p, "SELECT count(*) FROM events")).isEqualTo(20);
      Set<PersonId> after = foldedPersons(p);
      assertThat(after).hasSize(4);
      assertThat(before).containsAll(after);

      // ingest goes on; a retry of an erased event is not stored again
      PlatformFixture.ingest(p, Instant.now(), "{'type':'page','name':'Home','messageId':'p-1','anonymousId':'"
          + ANONYMOUS + "'}", "{'type':'page','name':'Home','messageId':'n-1','anonymousId':'someone-new'}");
      PlatformFixture.awaitPipeline(p);
      assertThat(p.stores().eventLog().count()).isEqualTo(21);
      assertThat(PlatformFixture.lakeLong(p, "SELECT count(*) FROM events")).isEqualTo(21);
      // the rebuild above wrote the identity snapshot again from the identity graph, which is not erased here (the
      // data-subject request erases it): look at the tables only
      assertThat(lakeFilesMentioning(p.settings().lake(), ANONYMOUS))
          .allMatch(f -> f.toString().contains("identities"));
    }
  }

  @Test
  void retentionDeletesRawEventsOlderThanTheAgeFromTheLogAndTheLake() throws Exception {
    Instant now = Instant.parse("2026-11-22T12:00:00Z");
    PlatformSettings d = PlatformFixture.embedded(dir);
    StoreSettings small = new StoreSettings(d.store().type(), d.store().dataDir(), d.store().postgres(),
        d.store().logFsync(), 4096);
    // the clock stands still, so the lake flushes by count only: every 10 events
    PlatformSettings settings = new PlatformSettings(small, d.ingest(), d.identity(), d.lake().withFlushEvents(10),
        d.profile(), d.crypto(), d.consent(), d.privacyRequests());
    try (Platform p = Platform.open(settings, Clock.fixed(now, ZoneOffset.UTC), PersonIds.sequential(),
        IngestListener.NONE).start()) {
      List<IncomingEvent> old = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        old.add(IncomingEvent.of(JsonCodec.parse(("{'type':'track','event':'Product Viewed','messageId':'old-" + i
            + "','anonymousId':'a-" + (i % 5) + "','timestamp':'2023-06-0" + (1 + i % 3) + "T10:00:00Z',"
            + "'properties':{'product_id':'sku-" + i + "'}}").replace('\'', '"')), "old " + i));
      }
      p.ingestor().ingest(old, IngestRequest.historical(SourceId.of("import"), now));
      List<IncomingEvent> recent = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        recent.add(IncomingEvent.of(JsonCodec.parse(("{'type':'track','event':'Product Viewed','messageId':'new-" + i
            + "','anonymousId':'a-" + (i % 5) + "','timestamp':'2026-11-2" + (i % 2) + "T10:00:00Z',"
            + "'properties':{'product_id':'sku-" + i + "'}}").replace('\'', '"')), "new " + i));
      }
      p.ingestor().ingest(recent, IngestRequest.historical(SourceId.of("import"), now));
      PlatformFixture.awaitPipeline(p);

      assertThatThrownBy(() -> p.applyRetention(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
      RetentionReport report = p.applyRetention(Duration.ofDays(730));

      assertThat(report.cutoff()).isEqualTo(Instant.parse("2024-11-22T12:00:00Z"));
      assertThat(report.lakePartitions()).contains("events/event_date=2023-06-01", "events/event_date=2023-06-03");
      assertThat(PlatformFixture.lakeLong(p, "SELECT count(*) FROM events WHERE \"timestamp\" < TIMESTAMPTZ "
          + "'2024-11-22 12:00:00+00'")).isZero();
      assertThat(PlatformFixture.lakeLong(p, "SELECT count(*) FROM events")).isEqualTo(60);
      // the log drops whole old segments: most old events go, every recent one stays
      assertThat(report.log().events()).isGreaterThan(30);
      assertThat(p.stores().eventLog().count()).isEqualTo(120 - report.log().events());
      assertThat(p.stores().eventLog().readAfter(0, 1000)).filteredOn(e -> e.envelope().messageId().value()
          .startsWith("new-")).hasSize(60);
    }
  }

  private static Set<PersonId> foldedPersons(Platform p) throws Exception {
    Set<PersonId> persons = new HashSet<>();
    p.foldFromLake(batch -> persons.addAll(batch.keySet()));
    return persons;
  }

  private static long parquetRows(LakeSettings lake, Path file) throws Exception {
    try (DuckDbSession db = new DuckDbSession(lake); Statement s = db.connection().createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet(" + DuckDbSession.literal(file) + ")")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<Path> lakeFilesMentioning(LakeSettings lake, String text) throws Exception {
    List<Path> found = new ArrayList<>();
    try (DuckDbSession db = new DuckDbSession(lake); Stream<Path> files = Files.walk(lake.directory())) {
      for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".parquet"))::iterator) {
        try (Statement s = db.connection().createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM read_parquet(" + DuckDbSession.literal(f) + ")")) {
          int n = rs.getMetaData().getColumnCount();
          boolean hit = false;
          while (rs.next() && !hit) {
            for (int i = 1; i <= n && !hit; i++) {
              hit = String.valueOf(rs.getObject(i)).contains(text);
            }
          }
          if (hit) {
            found.add(f);
          }
        }
      }
    }
    return found;
  }

  private static List<Path> filesContaining(Path root, String text) {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(f -> PlatformFixture.indexOf(read(f), needle) >= 0).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
