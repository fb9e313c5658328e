package io.shopsense.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.event.EventType;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.SourceId;
import io.shopsense.api.id.UserId;
import io.shopsense.core.json.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The fixture of {@link LakeRowsEquivalenceTest}: stored events as the log hands them over (every envelope field and
 * the JSON byte for byte), written through a {@link LakeWriter} in batches with several flushes, and the lake that
 * results, dumped file by file ({@link #dump}). The expected dump was made by the writer before the lake read the
 * canonical JSON directly (it decoded every event with core's {@code EventDecoder}); run {@link #main} with that
 * writer on the class path to make it again.
 */
final class RowFixture {
  static final String INPUT = "/io/shopsense/lake/equivalence/events.jsonl";
  static final String EXPECTED = "/io/shopsense/lake/equivalence/expected-lake.txt";
  static final int FLUSH_EVENTS = 97;
  static final int BATCH = 50;

  private RowFixture() {}

  /** Writes the inputs and the lake the writer on the class path makes of them under {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    List<StoredEvent> events = inputs();
    Files.createDirectories(out);
    Files.write(out.resolve("events.jsonl"), encode(events));
    Files.write(out.resolve("expected-lake.txt"), writeAndDump(events, Files.createTempDirectory("fixture-lake")));
  }

  /** The corpus, then 150 events of the demo mix and 20 of the invoice mix, numbered from 1. */
  static List<StoredEvent> inputs() {
    List<StoredEvent> all = new ArrayList<>(RowCorpus.build());
    all.addAll(new EventMix(Instant.parse("2024-05-02T00:00:00Z"), 2, 150).next(150));
    all.addAll(new InvoiceMix(Instant.parse("2024-05-03T00:00:00Z"), 1, 20).next(20));
    List<StoredEvent> numbered = new ArrayList<>(all.size());
    for (StoredEvent e : all) {
      numbered.add(new StoredEvent(numbered.size() + 1, e.envelope()));
    }
    return numbered;
  }

  /** Writes the events the way the pipeline does and returns the dump of the lake. */
  static List<String> writeAndDump(List<StoredEvent> events, Path lake) throws Exception {
    TestClock clock = new TestClock(Instant.parse("2024-06-01T00:00:00Z"));
    LakeSettings settings = LakeSettings.defaults(lake).withFlushEvents(FLUSH_EVENTS).withCompactMinFiles(1_000)
        .withDuckDb("256MB", 1);
    try (LakeWriter writer = new LakeWriter(settings, 0, clock)) {
      for (int i = 0; i < events.size(); i += BATCH) {
        writer.process(events.subList(i, Math.min(events.size(), i + BATCH)));
        clock.advance(Duration.ofSeconds(1));
      }
      clock.advance(settings.flushInterval());
      writer.idle(events.size());
    }
    return dump(lake);
  }

  /** Every data file of the lake by name, its Parquet schema, and its rows in stored order with every column. */
  static List<String> dump(Path lake) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (DuckDbSession s = new DuckDbSession(LakeSettings.defaults(lake)); Statement st = s.connection()
        .createStatement()) {
      for (LakeTable table : LakeTable.values()) {
        for (String name : LakeFiles.names(lake, table)) {
          String file = DuckDbSession.literal(lake.resolve(name));
          lines.add("file " + name);
          try (ResultSet rs = st.executeQuery("SELECT name, type, converted_type, logical_type, scale, precision "
              + "FROM parquet_schema(" + file + ")")) {
            while (rs.next()) {
              lines.add("schema " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                  + rs.getString(4) + " " + rs.getString(5) + " " + rs.getString(6));
            }
          }
          StringBuilder cols = new StringBuilder();
          for (LakeTable.Column c : table.columns()) {
            cols.append(cols.length() == 0 ? "" : ", ").append("CAST(").append(LakeTable.quote(c.name()))
                .append(" AS VARCHAR)");
          }
          try (ResultSet rs = st.executeQuery("SELECT " + cols + " FROM read_parquet(" + file
              + ", hive_partitioning = false, file_row_number = true) ORDER BY file_row_number")) {
            int n = table.columns().size();
            while (rs.next()) {
              ArrayNode row = JsonCodec.mapper().createArrayNode();
              for (int i = 1; i <= n; i++) {
                row.add(rs.getString(i));
              }
              lines.add(JsonCodec.text(row));
            }
          }
        }
      }
    }
    return lines;
  }

  static List<String> encode(List<StoredEvent> events) {
    List<String> lines = new ArrayList<>();
    for (StoredEvent e : events) {
      EventEnvelope v = e.envelope();
      ObjectNode o = JsonCodec.mapper().createObjectNode();
      o.put("seq", e.seq()).put("messageId", v.messageId().value()).put("type", v.type().name())
          .put("name", v.name()).put("anonymousId", v.anonymousId() == null ? null : v.anonymousId().value())
          .put("userId", v.userId() == null ? null : v.userId().value()).put("previousId", v.previousId())
          .put("timestamp", v.timestamp().toString()).put("receivedAt", v.receivedAt().toString())
          .put("source", v.source().value()).put("json", Base64.getEncoder().encodeToString(v.json()));
      lines.add(JsonCodec.text(o));
    }
    return lines;
  }

  static List<StoredEvent> decode(List<String> lines) {
    List<StoredEvent> events = new ArrayList<>();
    for (String line : lines) {
      JsonNode o = JsonCodec.parse(line);
      events.add(new StoredEvent(o.get("seq").longValue(), new EventEnvelope(MessageId.of(o.get("messageId")
          .textValue()), EventType.valueOf(o.get("type").textValue()), o.get("name").textValue(),
          o.get("anonymousId").isNull() ? null : AnonymousId.of(o.get("anonymousId").textValue()),
          o.get("userId").isNull() ? null : UserId.of(o.get("userId").textValue()),
          o.get("previousId").textValue(), Instant.parse(o.get("timestamp").textValue()),
          Instant.parse(o.get("receivedAt").textValue()), SourceId.of(o.get("source").textValue()),
          Base64.getDecoder().decode(o.get("json").textValue()))));
    }
    return events;
  }

  static List<String> resource(String name) {
    try (var in = RowFixture.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
