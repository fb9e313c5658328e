package io.shopsense.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.collect.StoredEvent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeWriterTest {
  private static final Instant MARCH_1 = Instant.parse("2024-03-01T10:00:00Z");
  private static final Instant MARCH_2 = Instant.parse("2024-03-02T23:59:59.123456Z");
  private static final Instant MARCH_3 = Instant.parse("2024-03-03T00:00:00Z");

  @TempDir
  Path lake;

  private final TestEvents events = new TestEvents();
  private final TestClock clock = new TestClock(Instant.parse("2024-03-04T00:00:00Z"));
  private LakeWriter writer;

  @AfterEach
  void closeWriter() {
    if (writer != null) {
      writer.close();
    }
  }

  private LakeWriter writer(int flushEvents, Duration interval) {
    writer = new LakeWriter(LakeSettings.defaults(lake).withFlushEvents(flushEvents).withFlushInterval(interval)
        .withDuckDb("256MB", 1), 0, clock);
    return writer;
  }

  @Test
  void writesEventsOfSeveralDaysToTheirPartitionsWithEveryColumn() throws Exception {
    writer(1000, Duration.ofSeconds(5));
    List<StoredEvent> batch = List.of(events.page("a1", MARCH_1), events.order("u1", "o-1", MARCH_2),
        events.identify("u1", MARCH_3), events.productViewed("u2", "p9", MARCH_1.plusSeconds(1)));
    assertThat(writer.process(batch)).isZero();
    clock.advance(Duration.ofSeconds(5));
    assertThat(writer.idle(4)).isEqualTo(4);

    assertThat(LakeFiles.names(lake, LakeTable.EVENTS)).containsExactly(
        "events/event_date=2024-03-01/part-00000000000000000001-00000000000000000004.parquet",
        "events/event_date=2024-03-02/part-00000000000000000001-00000000000000000004.parquet",
        "events/event_date=2024-03-03/part-00000000000000000001-00000000000000000004.parquet");
    assertThat(LakeFiles.names(lake, LakeTable.LINES)).containsExactly(
        "lines/event_date=2024-03-01/part-00000000000000000001-00000000000000000004.parquet",
        "lines/event_date=2024-03-02/part-00000000000000000001-00000000000000000004.parquet");
    // the partition column is in the folder name only
    Path file = lake.resolve(LakeFiles.names(lake, LakeTable.EVENTS).get(0));
    assertThat(LakeFiles.columnsOf(file))
        .containsExactlyElementsOf(LakeTable.EVENTS.columns().stream().map(LakeTable.Column::name).toList());

    try (LakeQuery q = LakeQuery.open(lake)) {
      QueryResult page = q.query("SELECT * FROM events WHERE seq = 1", 10);
      assertThat(page.columns()).containsExactlyElementsOf(Stream.concat(
          LakeTable.EVENTS.columns().stream().map(LakeTable.Column::name), Stream.of("event_date")).toList());
      assertThat(row(page)).containsEntry("message_id", "m1").containsEntry("type", "page")
          .containsEntry("event", "Home").containsEntry("anonymous_id", "a1").containsEntry("user_id", null)
          .containsEntry("timestamp", MARCH_1).containsEntry("original_timestamp", MARCH_1)
          .containsEntry("received_at", MARCH_1.plus(Duration.ofHours(1))).containsEntry("source", "test")
          .containsEntry("channel", "browser").containsEntry("locale", "zh-CN")
          .containsEntry("timezone", "Asia/Shanghai").containsEntry("device_type", "mobile")
          .containsEntry("session_id", "s1").containsEntry("page_url", "https://shop.example/?q=1")
          .containsEntry("page_path", "/").containsEntry("referrer", "https://search.example/")
          .containsEntry("campaign_source", "news").containsEntry("campaign_medium", "email")
          .containsEntry("campaign_name", "spring").containsEntry("country", "CN")
          .containsEntry("units", null).containsEntry("event_date", LocalDate.of(2024, 3, 1));
      assertThat((String) row(page).get("context")).contains("\"sessionId\":\"s1\"");

      QueryResult order = q.query("SELECT * FROM events WHERE seq = 2", 10);
      assertThat(row(order)).containsEntry("event", "Order Completed").containsEntry("user_id", "u1")
          .containsEntry("timestamp", MARCH_2).containsEntry("order_id", "o-1")
          .containsEntry("revenue", new BigDecimal("30.2500")).containsEntry("total", new BigDecimal("35.5000"))
          .containsEntry("discount", new BigDecimal("2.0000")).containsEntry("currency", "CNY")
          .containsEntry("coupon", "SPRING").containsEntry("units", 3L)
          .containsEntry("event_date", LocalDate.of(2024, 3, 2));
      assertThat((String) row(order).get("properties")).contains("\"order_id\":\"o-1\"");
      assertThat(order.types().get(order.columns().indexOf("revenue"))).isEqualTo("DECIMAL(18,4)");
      assertThat(order.types().get(order.columns().indexOf("timestamp"))).isEqualTo("TIMESTAMP WITH TIME ZONE");

      QueryResult identify = q.query("SELECT type, traits, event_date FROM events WHERE seq = 3", 10);
      assertThat(row(identify)).containsEntry("type", "identify").containsEntry("event_date", LocalDate.of(2024, 3, 3));
      assertThat((String) row(identify).get("traits")).contains("\"plan\":\"gold\"");

      QueryResult view = q.query("SELECT product_id, units, event_date FROM events WHERE seq = 4", 10);
      assertThat(row(view)).containsEntry("product_id", "p9").containsEntry("units", 1L);

      QueryResult lines = q.query("SELECT * FROM lines ORDER BY seq, line_index", 10);
      assertThat(lines.rows()).hasSize(3);
      assertThat(lines.columns()).containsExactlyElementsOf(Stream.concat(
          LakeTable.LINES.columns().stream().map(LakeTable.Column::name), Stream.of("event_date")).toList());
      assertThat(row(lines, 0)).containsEntry("seq", 2L).containsEntry("message_id", "m2")
          .containsEntry("event", "Order Completed").containsEntry("timestamp", MARCH_2)
          .containsEntry("user_id", "u1").containsEntry("order_id", "o-1").containsEntry("line_index", 0L)
          .containsEntry("product_id", "p1").containsEntry("sku", "S1").containsEntry("name", "Tea")
          .containsEntry("category", "Drinks/Tea").containsEntry("brand", "B")
          .containsEntry("price", new BigDecimal("10.1250")).containsEntry("quantity", 2L)
          .containsEntry("event_date", LocalDate.of(2024, 3, 2));
      assertThat(row(lines, 1)).containsEntry("line_index", 1L).containsEntry("product_id", "p2")
          .containsEntry("coupon", "C2").containsEntry("sku", null);
      assertThat(row(lines, 2)).containsEntry("seq", 4L).containsEntry("product_id", "p9")
          .containsEntry("event_date", LocalDate.of(2024, 3, 1));
    }
  }

  @Test
  void writesALateEventToItsOwnDay() throws Exception {
    writer(3, Duration.ofSeconds(5));
    Instant today = Instant.parse("2024-03-10T08:00:00Z");
    writer.process(events.views(3, today, Duration.ofMinutes(1)));
    StoredEvent late = events.productViewed("u1", "p1", today.minus(Duration.ofDays(4)));
    writer.process(List.of(late, events.productViewed("u2", "p2", today.plusSeconds(600)),
        events.productViewed("u3", "p3", today.plusSeconds(700))));

    assertThat(LakeFiles.names(lake, LakeTable.EVENTS)).containsExactly(
        "events/event_date=2024-03-06/part-00000000000000000004-00000000000000000006.parquet",
        "events/event_date=2024-03-10/part-00000000000000000001-00000000000000000003.parquet",
        "events/event_date=2024-03-10/part-00000000000000000004-00000000000000000006.parquet");
    assertThat(LakeFiles.rowsInFileOrder(lake.resolve(LakeFiles.names(lake, LakeTable.EVENTS).get(0)), "seq"))
        .containsExactly(List.of(4L));
    assertThat(LakeFiles.count(lake, "SELECT count(*) FROM events WHERE event_date = DATE '2024-03-06' AND seq = 4"))
        .isEqualTo(1);
  }

  @Test
  void sortsTheRowsOfEveryFileByTimestampThenSeq() throws Exception {
    writer(1000, Duration.ZERO);
    Instant t = Instant.parse("2024-03-05T12:00:00Z");
    List<StoredEvent> batch = List.of(events.order("u1", "o1", t.plusSeconds(30)), events.productViewed("u1", "p", t),
        events.order("u2", "o2", t), events.productViewed("u3", "p", t.plusSeconds(10)),
        events.productViewed("u4", "p", t.minusSeconds(5)));
    writer.process(batch);

    List<Object> expected = batch.stream()
        .sorted(Comparator.comparing((StoredEvent e) -> e.envelope().timestamp()).thenComparingLong(StoredEvent::seq))
        .map(e -> (Object) e.seq()).toList();
    Path eventsFile = lake.resolve(LakeFiles.names(lake, LakeTable.EVENTS).get(0));
    assertThat(LakeFiles.rowsInFileOrder(eventsFile, "seq").stream().map(r -> r.get(0)).toList())
        .containsExactlyElementsOf(expected);
    Path linesFile = lake.resolve(LakeFiles.names(lake, LakeTable.LINES).get(0));
    assertThat(LakeFiles.rowsInFileOrder(linesFile, "seq, line_index")).containsExactly(
        List.of(5L, 0), List.of(2L, 0), List.of(3L, 0), List.of(3L, 1), List.of(4L, 0), List.of(1L, 0),
        List.of(1L, 1));
  }

  @Test
  void sortsTheRowsOfAFileThatSpansManyVectors() throws Exception {
    writer(100_000, Duration.ZERO);
    java.util.Random random = new java.util.Random(3);
    Instant day = Instant.parse("2024-03-07T00:00:00Z");
    List<StoredEvent> batch = new java.util.ArrayList<>();
    for (int i = 0; i < 6_000; i++) {
      Instant at = day.plusSeconds(random.nextInt(3_600 * 20)); // many events share a second
      batch.add(i % 3 == 0 ? events.order("u" + i, "o" + i, at) : events.productViewed("u" + i, "p" + i, at));
    }
    writer.process(batch);

    Path eventsFile = lake.resolve(LakeFiles.names(lake, LakeTable.EVENTS).get(0));
    List<List<Object>> rows = LakeFiles.rowsInFileOrder(eventsFile, "epoch_us(\"timestamp\"), seq");
    assertThat(rows).hasSize(6_000);
    for (int i = 1; i < rows.size(); i++) {
      assertThat(compare(rows.get(i - 1), rows.get(i))).as("row %d", i).isNegative();
    }
    Path linesFile = lake.resolve(LakeFiles.names(lake, LakeTable.LINES).get(0));
    List<List<Object>> lines = LakeFiles.rowsInFileOrder(linesFile, "epoch_us(\"timestamp\"), seq, line_index");
    assertThat(lines).hasSize(2_000 * 2 + 4_000);
    for (int i = 1; i < lines.size(); i++) {
      assertThat(compare(lines.get(i - 1), lines.get(i))).as("line %d", i).isNegative();
    }
  }

  @Test
  void flushesEarlyWhenTheBufferedEventsOutgrowTheMemoryLimit() throws Exception {
    writer = new LakeWriter(LakeSettings.defaults(lake).withFlushEvents(1_000).withFlushInterval(Duration.ofHours(1))
        .withDuckDb("64MB", 1), 0, clock);
    String big = "x".repeat(100_000);
    List<StoredEvent> batch = new java.util.ArrayList<>();
    for (int i = 0; i < 600; i++) {
      batch.add(events.event("{'type':'track','event':'Blob','userId':'u1','properties':{'blob':'" + big + "'}}",
          MARCH_1.plusSeconds(i)));
    }
    long durable = writer.process(batch);

    assertThat(durable).as("flushed before 1,000 events: half of 64 MB holds about 320").isBetween(250L, 400L);
    assertThat(LakeFiles.names(lake, LakeTable.EVENTS)).hasSize(1);
    assertThat(LakeFiles.count(lake, "SELECT count(*) FROM events")).isEqualTo(durable);
  }

  private static int compare(List<Object> a, List<Object> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = Long.compare(((Number) a.get(i)).longValue(), ((Number) b.get(i)).longValue());
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Test
  void flushesOnceFlushEventsAreBuffered() throws Exception {
    writer(10, Duration.ofHours(1));
    List<StoredEvent> batch = events.views(25, MARCH_1, Duration.ofMinutes(1));

    assertThat(writer.process(batch)).as("durable: the first two flushes, not the buffered five").isEqualTo(20);
    assertThat(LakeFiles.names(lake, LakeTable.EVENTS)).containsExactly(
        "events/event_date=2024-03-01/part-00000000000000000001-00000000000000000010.parquet",
        "events/event_date=2024-03-01/part-00000000000000000011-00000000000000000020.parquet");
    assertThat(writer.idle(25)).isEqualTo(20);
    assertThat(writer.process(events.views(5, MARCH_1, Duration.ofMinutes(1)))).isEqualTo(30);
  }

  @Test
  void flushesOnceTheBufferIsOlderThanTheInterval() throws Exception {
    writer(1000, Duration.ofSeconds(5));
    assertThat(writer.process(events.views(3, MARCH_1, Duration.ofMinutes(1)))).isZero();
    clock.advance(Duration.ofSeconds(4));
    assertThat(writer.idle(3)).isZero();
    assertThat(LakeFiles.names(lake, LakeTable.EVENTS)).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(writer.idle(3)).isEqualTo(3);
    assertThat(LakeFiles.names(lake, LakeTable.EVENTS)).hasSize(1);

    // the age counts from the first buffered event, and the next batch flushes an old buffer too
    assertThat(writer.process(events.views(2, MARCH_1, Duration.ofMinutes(1)))).isEqualTo(3);
    clock.advance(Duration.ofSeconds(3));
    assertThat(writer.process(events.views(2, MARCH_1, Duration.ofMinutes(1)))).isEqualTo(3);
    clock.advance(Duration.ofSeconds(2));
    assertThat(writer.process(events.views(1, MARCH_1, Duration.ofMinutes(1)))).isEqualTo(8);
    assertThat(LakeFiles.names(lake, LakeTable.EVENTS)).hasSize(2);
  }

  @Test
  void reportsOnlyWhatIsOnDiskAndNeverMoreThanWasHandedOver() throws Exception {
    writer(4, Duration.ofHours(1));
    assertThat(writer.idle(0)).as("nothing handed over").isZero();
    assertThat(writer.process(List.of())).isZero();
    assertThat(writer.process(events.views(3, MARCH_1, Duration.ofSeconds(1)))).as("buffered only").isZero();
    assertThat(writer.idle(3)).isZero();
    assertThat(writer.process(events.views(2, MARCH_1, Duration.ofSeconds(1)))).as("1-4 flushed, 5 buffered")
        .isEqualTo(4);
    assertThat(writer.process(events.views(3, MARCH_1, Duration.ofSeconds(1)))).as("5-8 flushed").isEqualTo(8);
    assertThat(writer.idle(8)).as("empty buffer: all handed over is durable").isEqualTo(8);
    // after a failure the pipeline hands over again from its committed position: replays are skipped
    writer.reset();
    assertThat(writer.process(replayOf(5, 8))).isEqualTo(8);
    assertThat(writer.idle(8)).isEqualTo(8);
    assertThat(LakeFiles.count(lake, "SELECT count(*) FROM events")).isEqualTo(8);
  }

  @Test
  void forgetsTheBufferOnResetAndWritesTheReplayOnce() throws Exception {
    writer(10, Duration.ofHours(1));
    List<StoredEvent> first = events.views(15, MARCH_1, Duration.ofSeconds(1));
    assertThat(writer.process(first)).isEqualTo(10);
    writer.reset(); // 11-15 are forgotten; the pipeline restarts after its committed position 10 (or earlier)
    assertThat(writer.process(first)).isEqualTo(10);
    assertThat(writer.process(events.views(5, MARCH_1, Duration.ofSeconds(1)))).isEqualTo(20);

    assertThat(LakeFiles.count(lake, "SELECT count(*) FROM events")).isEqualTo(20);
    assertThat(LakeFiles.count(lake, "SELECT count(DISTINCT seq) FROM events")).isEqualTo(20);
    assertThat(LakeFiles.count(lake, "SELECT count(DISTINCT message_id) FROM events")).isEqualTo(20);
  }

  /** Events {@code from}..{@code to} of the view stream again, with their sequence numbers: a replay by the log. */
  private static List<StoredEvent> replayOf(int from, int to) {
    return new TestEvents().views(to, MARCH_1, Duration.ofSeconds(1)).subList(from - 1, to);
  }

  private static Map<String, Object> row(QueryResult r) {
    assertThat(r.rows()).hasSize(1);
    return row(r, 0);
  }

  private static Map<String, Object> row(QueryResult r, int index) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < r.columns().size(); i++) {
      m.put(r.columns().get(i), r.rows().get(index).get(i));
    }
    return m;
  }
}
