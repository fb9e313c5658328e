package io.shopsense.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.collect.StoredEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasing a person from the lake: no file read back through DuckDB holds their identifiers, every other row stays,
 * buffered and still-to-come rows are dealt with, the identity snapshot loses the person, and retention drops old
 * days.
 */
class LakeErasureTest {
  private static final String ANONYMOUS = "anon-erase-me-42";
  private static final String USER = "user-erase-me-42";
  private static final Instant DAY_1 = Instant.parse("2024-03-01T10:00:00Z");

  @TempDir
  Path lake;

  private final TestEvents events = new TestEvents();
  private final TestClock clock = new TestClock(Instant.parse("2024-03-10T00:00:00Z"));
  private LakeWriter writer;

  @AfterEach
  void closeWriter() {
    if (writer != null) {
      writer.close();
    }
  }

  private LakeWriter writer(int flushEvents) {
    writer = new LakeWriter(LakeSettings.defaults(lake).withFlushEvents(flushEvents)
        .withFlushInterval(Duration.ofHours(1)).withCompactMinFiles(1000).withDuckDb("256MB", 1), 0, clock);
    return writer;
  }

  /** Five days of events of others, with the person's page views, orders, identify and alias among them. */
  private List<StoredEvent> mixedDays() {
    List<StoredEvent> all = new ArrayList<>();
    for (int day = 0; day < 5; day++) {
      Instant t = DAY_1.plus(Duration.ofDays(day));
      all.add(events.productViewed("someone-" + day, "p" + day, t));
      all.add(events.page(ANONYMOUS, t.plusSeconds(1)));
      all.add(events.order("other-user", "o-" + day, t.plusSeconds(2)));
      all.add(events.order(USER, "o-mine-" + day, t.plusSeconds(3)));
      all.add(events.page("anon-other", t.plusSeconds(4)));
      if (day == 2) {
        all.add(events.identify(USER, t.plusSeconds(5)));
        all.add(events.event("{'type':'alias','messageId':'m" + events.nextSeq() + "','userId':'user-new-id',"
            + "'previousId':'" + ANONYMOUS + "'}", t.plusSeconds(6)));
      }
    }
    return all;
  }

  /** Hands the events over and lets the flush interval pass, so that every one is in a file. */
  private void writeAll(List<StoredEvent> all) throws Exception {
    writer.process(all);
    clock.advance(Duration.ofHours(2));
    writer.idle(all.get(all.size() - 1).seq());
  }

  private static boolean ofPerson(StoredEvent e) {
    var env = e.envelope();
    return env.anonymousId() != null && env.anonymousId().value().equals(ANONYMOUS)
        || env.userId() != null && env.userId().value().equals(USER) || ANONYMOUS.equals(env.previousId());
  }

  @Test
  void noLakeFileHoldsTheErasedIdentifiersAndEveryOtherRowStays() throws Exception {
    writer(4);
    List<StoredEvent> all = mixedDays();
    writeAll(all);
    List<Object> otherSeqs = all.stream().filter(e -> !ofPerson(e)).map(e -> (Object) e.seq()).toList();
    List<List<Object>> otherLines = rows(LakeTable.LINES, "seq, line_index, product_id, price, quantity",
        "user_id = 'other-user'");
    assertThat(filesMentioning(ANONYMOUS)).isNotEmpty();

    LakeErasure.Report report = writer.erase(Set.of(ANONYMOUS), Set.of(USER), all.get(all.size() - 1).seq());

    assertThat(filesMentioning(ANONYMOUS)).isEmpty();
    assertThat(filesMentioning(USER)).isEmpty();
    assertThat(rows(LakeTable.EVENTS, "seq", "true")).extracting(r -> r.get(0))
        .containsExactlyInAnyOrderElementsOf(otherSeqs);
    assertThat(rows(LakeTable.LINES, "seq, line_index, product_id, price, quantity", "user_id = 'other-user'"))
        .containsExactlyInAnyOrderElementsOf(otherLines);
    // 5 page views + 5 orders + identify + alias, and the 10 product lines of the orders
    assertThat(report.rowsRemoved()).isEqualTo(12 + 10);
    assertThat(report.bytesRewritten()).isPositive();
    assertThat(report.files()).allMatch(f -> f.endsWith(".parquet")).hasSizeGreaterThanOrEqualTo(5);
    assertThat(LakeFiles.everything(lake)).noneMatch(f -> f.endsWith(".tmp"));
    for (String f : report.files()) {
      // still sorted by (timestamp, seq[, line_index]), as every lake file is
      String order = f.startsWith("lines") ? "\"timestamp\", seq, line_index" : "\"timestamp\", seq";
      List<List<Object>> rows = LakeFiles.rowsInFileOrder(lake.resolve(f), order);
      List<List<Object>> sorted = new ArrayList<>(rows);
      sorted.sort((a, b) -> {
        for (int i = 0; i < a.size(); i++) {
          @SuppressWarnings({"unchecked", "rawtypes"})
          int c = ((Comparable) a.get(i)).compareTo(b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      });
      assertThat(rows).as(f).isEqualTo(sorted);
    }

    LakeErasure.Report again = writer.erase(Set.of(ANONYMOUS), Set.of(USER), all.get(all.size() - 1).seq());
    assertThat(again.files()).isEmpty();
    assertThat(again.rowsRemoved()).isZero();
  }

  @Test
  void erasesTheInputsOfACompactionThatWaitForTheirGraceToo() throws Exception {
    writer = new LakeWriter(LakeSettings.defaults(lake).withFlushEvents(3).withFlushInterval(Duration.ofHours(1))
        .withCompactMinFiles(2).withDuckDb("256MB", 1), 0, clock);
    List<StoredEvent> all = mixedDays();
    for (StoredEvent e : all) {
      writer.process(List.of(e)); // one call per event: each call confirms the last, so days get compacted
    }
    writer.idle(all.get(all.size() - 1).seq());
    LakeDirectory dir = new LakeDirectory(lake);
    assertThat(dir.days(LakeTable.EVENTS)).anyMatch(day -> !LakeDirectory.superseded(dir.files(LakeTable.EVENTS, day))
        .isEmpty());

    writer.erase(Set.of(ANONYMOUS), Set.of(USER), all.get(all.size() - 1).seq());

    assertThat(filesMentioning(ANONYMOUS)).isEmpty();
    assertThat(filesMentioning(USER)).isEmpty();
  }

  @Test
  void erasesRowsStillInTheBufferAndDropsTheirEventsHandedOverLater() throws Exception {
    writer(1000);
    List<StoredEvent> all = mixedDays();
    List<StoredEvent> first = all.subList(0, 10);
    List<StoredEvent> rest = all.subList(10, all.size());
    writer.process(first);
    assertThat(LakeFiles.names(lake, LakeTable.EVENTS)).isEmpty();

    // the log was erased up to its end; the pipeline had read the rest before and hands it over now
    writer.erase(Set.of(ANONYMOUS), Set.of(USER), all.get(all.size() - 1).seq());
    writer.process(rest);
    clock.advance(Duration.ofHours(2));
    writer.idle(all.get(all.size() - 1).seq());

    assertThat(filesMentioning(ANONYMOUS)).isEmpty();
    assertThat(filesMentioning(USER)).isEmpty();
    assertThat(rows(LakeTable.EVENTS, "seq", "true")).hasSize((int) all.stream().filter(e -> !ofPerson(e)).count());
  }

  @Test
  void theIdentitySnapshotLosesEveryLinkOfThePerson() throws Exception {
    writer(4);
    writer.process(mixedDays());
    Path links = lake.resolve(LakeProfileSource.IDENTITIES).resolve(LakeProfileSource.LINKS_FILE);
    Files.createDirectories(links.getParent());
    try (DuckDbSession db = new DuckDbSession(LakeSettings.defaults(lake))) {
      db.execute("CREATE TABLE links (kind VARCHAR, value VARCHAR, person_id VARCHAR)");
      try (PreparedStatement ps = db.connection().prepareStatement("INSERT INTO links VALUES (?, ?, ?)")) {
        for (String[] row : List.of(new String[] {"ANONYMOUS_ID", ANONYMOUS, "person-p"},
            new String[] {"USER_ID", USER, "person-p"}, new String[] {"EMAIL", "jane@example.com", "person-p"},
            new String[] {"USER_ID", "other-user", "person-q"})) {
          ps.setString(1, row[0]);
          ps.setString(2, row[1]);
          ps.setString(3, row[2]);
          ps.executeUpdate();
        }
      }
      db.execute("COPY links TO " + DuckDbSession.literal(links) + " (FORMAT parquet)");
    }

    LakeErasure.Report report = writer.erase(Set.of(ANONYMOUS), Set.of(), 0);

    assertThat(LakeFiles.rowsInFileOrder(links, "kind, value, person_id"))
        .containsExactly(List.of("USER_ID", "other-user", "person-q"));
    assertThat(report.files()).contains("identities/links.parquet");
  }

  @Test
  void anErasureOfItsOwnRefusesToRunBesideAWriter() throws Exception {
    writer(4);
    writeAll(mixedDays());
    assertThatThrownBy(() -> LakeErasure.open(LakeSettings.defaults(lake))).isInstanceOf(IllegalStateException.class);
    writer.close();
    writer = null;

    try (LakeErasure erasure = LakeErasure.open(LakeSettings.defaults(lake).withDuckDb("256MB", 1))) {
      assertThat(erasure.erase(Set.of(), Set.of(USER)).rowsRemoved()).isEqualTo(6 + 10);
    }
    assertThat(filesMentioning(USER)).isEmpty();
    assertThat(filesMentioning(ANONYMOUS)).isNotEmpty();
  }

  @Test
  void retentionDeletesTheDayPartitionsBeforeTheFirstDayKept() throws Exception {
    writer(4);
    writer.process(mixedDays());

    List<String> deleted = writer.deleteDaysBefore(LocalDate.of(2024, 3, 3));

    assertThat(deleted).containsExactlyInAnyOrder("events/event_date=2024-03-01", "events/event_date=2024-03-02",
        "lines/event_date=2024-03-01", "lines/event_date=2024-03-02");
    assertThat(new LakeDirectory(lake).days(LakeTable.EVENTS)).containsExactly(LocalDate.of(2024, 3, 3),
        LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 5));
    assertThat(writer.deleteDaysBefore(LocalDate.of(2024, 3, 3))).isEmpty();
  }

  /** The lake files (data files and the identity snapshot) in which some cell, read as text, contains the text. */
  private List<Path> filesMentioning(String text) throws Exception {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(lake)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".parquet"))::iterator) {
        for (List<Object> row : LakeFiles.rowsInFileOrder(f, "*")) {
          if (row.stream().anyMatch(cell -> String.valueOf(cell).contains(text))) {
            found.add(f);
            break;
          }
        }
      }
    }
    return found;
  }

  private List<List<Object>> rows(LakeTable table, String columns, String where) throws Exception {
    try (LakeQuery q = new LakeQuery(LakeSettings.defaults(lake))) {
      QueryResult r = q.query("SELECT " + columns + " FROM " + table.tableName() + " WHERE " + where
          + " ORDER BY " + columns, 10_000);
      return r.rows();
    }
  }
}
