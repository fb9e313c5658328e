package io.shopsense.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.lake.LakeQuery;
import io.shopsense.lake.QueryResult;
import io.shopsense.lake.TextTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Ad-hoc SQL over the event lake: through a running server, or straight from a lake folder. */
@Command(name = "sql", description = {"Run one SELECT over the event lake (views: events, lines).",
    "Example: shopsense sql \"select event, count(*) from events group by 1 order by 2 desc\""})
public class SqlCommand implements Runnable {
  @Mixin
  ServerOptions server;

  @Parameters(paramLabel = "SQL", description = "one SELECT statement")
  String sql;

  @Option(names = "--lake", description = "query this lake folder directly (no server needed), e.g. ./data/lake")
  Path lake;

  @Option(names = "--max-rows", defaultValue = "1000", description = "most rows to show (default: ${DEFAULT-VALUE})")
  int maxRows;

  @Option(names = "--json", description = "print the result as JSON")
  boolean json;

  @Override
  public void run() {
    QueryResult result = lake != null ? local() : remote();
    System.out.print(json ? JsonCodec.text(asJson(result)) + "\n" : TextTable.render(result));
  }

  /** The result with dates and times as ISO text, which is how the server's API answers too. */
  static Map<String, Object> asJson(QueryResult result) {
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : result.rows()) {
      List<Object> values = new ArrayList<>();
      row.forEach(v -> values.add(v instanceof java.time.temporal.TemporalAccessor ? v.toString() : v));
      rows.add(values);
    }
    return Map.of("columns", result.columns(), "types", result.types(), "rows", rows,
        "truncated", result.truncated());
  }

  private QueryResult local() {
    if (!Files.isDirectory(lake)) {
      throw new CliException("no lake at " + lake);
    }
    try (LakeQuery q = LakeQuery.open(lake)) {
      return q.query(sql, maxRows);
    } catch (RuntimeException e) {
      throw new CliException(e.getMessage());
    }
  }

  private QueryResult remote() {
    JsonNode r = server.client().post("/v1/sql", Map.of("sql", sql, "maxRows", maxRows));
    List<String> columns = new ArrayList<>();
    r.get("columns").forEach(c -> columns.add(c.asText()));
    List<String> types = new ArrayList<>();
    r.get("types").forEach(t -> types.add(t.asText()));
    List<List<Object>> rows = new ArrayList<>();
    for (JsonNode row : r.get("rows")) {
      List<Object> values = new ArrayList<>();
      row.forEach(v -> values.add(v.isNull() ? null : v.isNumber() ? v.decimalValue() : v.asText()));
      rows.add(values);
    }
    return new QueryResult(columns, types, rows, r.get("truncated").asBoolean());
  }
}
