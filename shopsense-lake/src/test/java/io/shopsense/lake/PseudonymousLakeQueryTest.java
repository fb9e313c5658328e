package io.shopsense.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The analysts' lake: pseudonyms in place of person ids, no traits or context, and no way around the views. */
class PseudonymousLakeQueryTest {
  private static final Instant START = Instant.parse("2024-07-01T10:00:00Z");
  /** Stands in for the keyed hash: what matters here is that the views call it and nothing else can. */
  private static final UnaryOperator<String> PSEUDONYM = id -> "ps_" + Integer.toHexString(("k" + id).hashCode());

  @TempDir
  Path root;

  private LakeSettings settings() {
    return LakeSettings.defaults(root.resolve("lake")).withDuckDb("256MB", 1);
  }

  private void write() throws Exception {
    TestEvents events = new TestEvents();
    try (LakeWriter writer = new LakeWriter(settings().withFlushInterval(Duration.ZERO), 0, new TestClock(START))) {
      writer.process(List.of(events.identify("user-secret-1", START), events.page("anon-secret-2", START),
          events.order("user-secret-1", "o1", START.plusSeconds(60))));
      writer.idle(3);
    }
  }

  @Test
  void personIdsArePseudonymsAndTraitsAndContextAreLeftOut() throws Exception {
    write();
    try (LakeQuery q = new LakeQuery(settings(), PSEUDONYM)) {
      QueryResult all = q.query("SELECT * FROM events ORDER BY seq", 10);
      assertThat(all.columns()).doesNotContain("traits", "context").contains("user_id", "anonymous_id",
          "properties");
      assertThat(all.rows().toString()).doesNotContain("user-secret-1", "anon-secret-2", "someone@example.com")
          .contains(PSEUDONYM.apply("user-secret-1"), PSEUDONYM.apply("anon-secret-2"));
      assertThat(q.query("SELECT count(*) FROM events WHERE user_id IS NULL", 1).rows()).containsExactly(List.of(1L));
      // a pseudonym still joins and counts like the id it stands for
      assertThat(q.query("SELECT count(DISTINCT user_id) FROM events WHERE user_id IS NOT NULL", 1).rows())
          .containsExactly(List.of(1L));
      assertThat(q.query("SELECT DISTINCT user_id FROM lines", 5).rows())
          .containsExactly(List.of(PSEUDONYM.apply("user-secret-1")));
      assertThat(q.query("WITH o AS (SELECT user_id FROM events WHERE event = 'Order Completed') "
          + "SELECT count(*) FROM o JOIN lines USING (user_id)", 1).rows()).containsExactly(List.of(2L));
      assertThat(q.query("DESCRIBE events", 100).rows().toString()).doesNotContain("traits");
    }
    try (LakeQuery raw = new LakeQuery(settings())) {
      assertThat(raw.query("SELECT user_id FROM events WHERE user_id IS NOT NULL", 1).rows())
          .containsExactly(List.of("user-secret-1"));
    }
  }

  @Test
  void anEmptyLakeHasTheSameShape() {
    try (LakeQuery q = new LakeQuery(settings(), PSEUDONYM)) {
      assertThat(q.query("SELECT * FROM events", 1).columns()).doesNotContain("traits", "context")
          .contains("user_id");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM read_parquet('%s/**/*.parquet')",
      "SELECT * FROM '%s/events/event_date=2024-07-01/x.parquet'",
      "SELECT * FROM duckdb_views()",
      "SELECT sql FROM duckdb_views",
      "SELECT * FROM information_schema.views",
      "SELECT * FROM main.events",
      "SELECT * FROM events WHERE user_id IN (SELECT user_id FROM read_parquet('%s/events/*/*.parquet'))",
      "SELECT * FROM duckdb_functions() WHERE function_name LIKE 'pseudonym%%'",
      "SELECT * FROM glob('%s/*')"})
  void refusesEverythingButTheViews(String sql) throws Exception {
    write();
    try (LakeQuery q = new LakeQuery(settings(), PSEUDONYM)) {
      assertThatThrownBy(() -> q.query(sql.formatted(root.resolve("lake")), 10))
          .isInstanceOf(LakeQueryException.class).hasMessageContaining("pseudonymous lake");
    }
  }

  @Test
  void thePseudonymFunctionCannotBeCalledToTestAGuess() throws Exception {
    write();
    try (LakeQuery q = new LakeQuery(settings(), PSEUDONYM)) {
      String fn;
      try (var rs = q.session().connection().createStatement().executeQuery(
          "SELECT function_name FROM duckdb_functions() WHERE function_name LIKE 'pseudonym_%'")) {
        assertThat(rs.next()).isTrue();
        fn = rs.getString(1);
      }
      // its name is random per session; even if an analyst learnt it, a call is refused by name
      assertThatThrownBy(() -> q.query("SELECT " + fn + "('user-secret-1')", 1))
          .isInstanceOf(LakeQueryException.class).hasMessageContaining("pseudonym function");
      assertThatThrownBy(() -> q.query("SELECT upper(" + fn.toUpperCase() + "('x'))", 1))
          .isInstanceOf(LakeQueryException.class);
    }
  }
}
