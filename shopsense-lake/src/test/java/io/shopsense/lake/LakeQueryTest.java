package io.shopsense.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LakeQueryTest {
  private static final Instant START = Instant.parse("2024-07-01T22:00:00Z");

  @TempDir
  Path root;

  private Path lake() {
    return root.resolve("lake");
  }

  private void writeEvents(int n, int flushEvents) throws Exception {
    TestEvents events = new TestEvents();
    try (LakeWriter writer = new LakeWriter(LakeSettings.defaults(lake()).withFlushEvents(flushEvents)
        .withFlushInterval(Duration.ZERO).withDuckDb("256MB", 1), 0, new TestClock(START))) {
      writer.process(events.views(n - 1, START, Duration.ofMinutes(20)));
      writer.process(List.of(events.order("u1", "o1", START)));
      writer.idle(n);
    }
  }

  private static List<String> columns(LakeTable table) {
    return Stream.concat(table.columns().stream().map(LakeTable.Column::name), Stream.of("event_date")).toList();
  }

  @Test
  void anEmptyOrMissingLakeHasBothViewsWithEveryColumn() throws Exception {
    try (LakeQuery q = LakeQuery.open(lake())) {
      QueryResult events = q.query("SELECT * FROM events", 10);
      assertThat(events.columns()).containsExactlyElementsOf(columns(LakeTable.EVENTS));
      assertThat(events.types()).contains("BIGINT", "TIMESTAMP WITH TIME ZONE", "DECIMAL(18,4)", "DATE");
      assertThat(events.rows()).isEmpty();
      assertThat(events.truncated()).isFalse();
      assertThat(q.query("SELECT * FROM lines", 10).columns()).containsExactlyElementsOf(columns(LakeTable.LINES));
    }
    assertThat(Files.exists(lake())).as("a reader creates nothing").isFalse();
    Files.createDirectories(lake());
    assertThat(LakeFiles.count(lake(), "SELECT count(*) FROM lines")).isZero();
  }

  @Test
  void answersWithPlainJavaValues() throws Exception {
    writeEvents(10, 1000);
    try (LakeQuery q = LakeQuery.open(lake())) {
      QueryResult r = q.query("SELECT seq, message_id, revenue, \"timestamp\", event_date, revenue > 0 AS paid, "
          + "units::INTEGER AS units, 1.5::DOUBLE AS d FROM events WHERE event = 'Order Completed'", 10);
      assertThat(r.columns()).containsExactly("seq", "message_id", "revenue", "timestamp", "event_date", "paid",
          "units", "d");
      assertThat(r.types()).containsExactly("BIGINT", "VARCHAR", "DECIMAL(18,4)", "TIMESTAMP WITH TIME ZONE", "DATE",
          "BOOLEAN", "INTEGER", "DOUBLE");
      assertThat(r.rows()).containsExactly(List.of(10L, "m10", new BigDecimal("30.2500"), START,
          LocalDate.of(2024, 7, 1), true, 3L, 1.5));
      QueryResult days = q.query("SELECT event_date, count(*) AS n FROM events GROUP BY ALL ORDER BY 1", 10);
      assertThat(days.rows()).containsExactly(List.of(LocalDate.of(2024, 7, 1), 7L),
          List.of(LocalDate.of(2024, 7, 2), 3L));
      assertThat(q.query("DESCRIBE lines", 100).rows()).hasSize(columns(LakeTable.LINES).size());
    }
  }

  @Test
  void saysWhenRowsWereLeftOut() throws Exception {
    writeEvents(10, 1000);
    try (LakeQuery q = LakeQuery.open(lake())) {
      QueryResult three = q.query("SELECT seq FROM events ORDER BY seq", 3);
      assertThat(three.rows()).containsExactly(List.of(1L), List.of(2L), List.of(3L));
      assertThat(three.truncated()).isTrue();
      QueryResult all = q.query("SELECT seq FROM events ORDER BY seq", 10);
      assertThat(all.rows()).hasSize(10);
      assertThat(all.truncated()).isFalse();
      assertThat(q.query("SELECT seq FROM events", 0).truncated()).isTrue();
    }
  }

  @Test
  void cannotReadAFileOutsideTheLake() throws Exception {
    writeEvents(3, 1000);
    Path secret = Files.writeString(root.resolve("secret.csv"), "password\nhunter2\n");
    try (LakeQuery q = LakeQuery.open(lake())) {
      for (String sql : List.of("SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM read_text('/etc/passwd')",
          "SELECT * FROM '/etc/passwd'", "SELECT * FROM read_csv('" + secret + "')",
          "SELECT * FROM read_text('" + lake() + "/../secret.csv')", "SELECT * FROM glob('/etc/*')",
          "SELECT * FROM read_text('" + root + "/lake-other/x')")) {
        assertThatThrownBy(() -> q.query(sql, 10)).as(sql).isInstanceOf(LakeQueryException.class)
            .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("Permission Error", "does not exist")
                .doesNotContain("root:", "hunter2"));
      }
      assertThat(q.query("SELECT count(*) FROM events", 1).rows()).containsExactly(List.of(3L));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "COPY (SELECT 1) TO '%1$s/out.csv'",
      "COPY (SELECT 1) TO '%2$s/inside.csv'",
      "COPY events TO '%2$s/events/event_date=2024-07-01/part-9.parquet' (FORMAT parquet)",
      "EXPORT DATABASE '%2$s/export'",
      "ATTACH '%2$s/x.db' AS x",
      "SELECT 1; COPY (SELECT 1) TO '%2$s/second.csv'",
      "CREATE TABLE t AS SELECT 1",
      "SET enable_external_access = true",
      "RESET allowed_directories",
      "INSTALL httpfs",
      "LOAD httpfs",
      "PRAGMA enable_profiling",
      "EXPLAIN ANALYZE COPY (SELECT 1) TO '%2$s/explained.csv'",
      "SELECT * FROM query('COPY (SELECT 1) TO ''%2$s/q.csv''')"})
  void cannotWriteFilesOrChangeItsSettings(String template) throws Exception {
    writeEvents(3, 1000);
    List<String> before = LakeFiles.everything(lake());
    String sql = String.format(template, root, lake());
    try (LakeQuery q = LakeQuery.open(lake())) {
      assertThatThrownBy(() -> q.query(sql, 10)).as(sql).isInstanceOf(LakeQueryException.class);
      assertThat(q.query("SELECT current_setting('enable_external_access')", 1).rows())
          .containsExactly(List.of(false));
    }
    assertThat(LakeFiles.everything(lake())).isEqualTo(before);
    assertThat(root.resolve("out.csv")).doesNotExist();
  }

  @Test
  void duckDbItselfRefusesFilesOutsideTheLakeEvenBeneathTheStatementCheck() throws Exception {
    writeEvents(3, 1000);
    try (LakeQuery q = LakeQuery.open(lake())) {
      DuckDbSession raw = q.session();
      assertThatThrownBy(() -> raw.execute("COPY (SELECT 1) TO '" + root.resolve("out.csv") + "'"))
          .hasMessageContaining("Permission Error");
      assertThatThrownBy(() -> raw.execute("SELECT * FROM read_text('/etc/passwd')"))
          .hasMessageContaining("Permission Error");
      assertThatThrownBy(() -> raw.execute("SET enable_external_access = true"))
          .hasMessageContaining("locked");
      assertThatThrownBy(() -> raw.execute("SET allowed_directories = ['/']")).hasMessageContaining("locked");
      // inside the lake DuckDB would write: this is what the single-SELECT check is for
      raw.execute("COPY (SELECT 1) TO '" + lake().resolve("inside.csv") + "'");
    }
    assertThat(root.resolve("out.csv")).doesNotExist();
    assertThat(lake().resolve("inside.csv")).exists();
  }

  @Test
  void reportsSyntaxErrorsAndRefusesEmptyQueries() throws Exception {
    try (LakeQuery q = LakeQuery.open(lake())) {
      assertThatThrownBy(() -> q.query("SELEC 1", 1)).isInstanceOf(LakeQueryException.class)
          .hasMessageContaining("syntax error");
      assertThatThrownBy(() -> q.query("SELECT nope FROM events", 1)).isInstanceOf(LakeQueryException.class)
          .hasMessageContaining("nope");
      assertThatThrownBy(() -> q.query("  ", 1)).isInstanceOf(LakeQueryException.class);
      assertThatThrownBy(() -> q.query("SELECT 1; SELECT 2", 1)).isInstanceOf(LakeQueryException.class)
          .hasMessageContaining("one statement");
    }
  }

  @Test
  void seesNewAndCompactedFilesWithoutReopening() throws Exception {
    writeEvents(10, 4);
    try (LakeQuery q = LakeQuery.open(lake())) {
      assertThat(q.query("SELECT count(*) FROM events", 1).rows()).containsExactly(List.of(10L));
      try (LakeCompactor compactor = LakeCompactor.open(LakeSettings.defaults(lake()))) {
        assertThat(compactor.compactAll(10)).isNotEmpty();
      }
      assertThat(q.query("SELECT count(*), count(DISTINCT seq) FROM events", 1).rows())
          .containsExactly(List.of(10L, 10L));
    }
  }

  @Test
  void rendersAPlainTextTable() throws Exception {
    writeEvents(3, 1000);
    try (LakeQuery q = LakeQuery.open(lake())) {
      String text = TextTable.render(q.query(
          "SELECT seq, event, revenue, NULL AS nothing FROM events ORDER BY seq DESC", 2));
      assertThat(text).isEqualTo(String.join("\n",
          "seq | event           | revenue | nothing",
          "----+-----------------+---------+--------",
          "  3 | Order Completed | 30.2500 | NULL",
          "  2 | Product Viewed  |    NULL | NULL",
          "(2 rows; more rows exist, only the first 2 are shown)", ""));
    }
  }
}
