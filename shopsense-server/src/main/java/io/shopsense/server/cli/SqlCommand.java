package io.shopsense.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.core.crypto.CryptoSettings;
import io.shopsense.core.crypto.KeyDirectory;
import io.shopsense.core.crypto.Pseudonymizer;
import io.shopsense.lake.LakeQuery;
import io.shopsense.lake.LakeSettings;
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

  @Option(names = "--pseudonymous", description = "query the analysts' views: pseudonyms in place of person ids, "
      + "no traits or context")
  boolean pseudonymous;

  @Option(names = "--key-dir", description = "with --lake --pseudonymous: the key ring (default: <data-dir>-keys "
      + "beside the lake's data directory)")
  Path keyDir;

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
    try (LakeQuery q = pseudonymous ? new LakeQuery(LakeSettings.defaults(lake), pseudonymizer()::pseudonym)
        : LakeQuery.open(lake)) {
      return q.query(sql, maxRows);
    } catch (RuntimeException e) {
      throw new CliException(e.getMessage());
    }
  }

  /** The key ring's pseudonyms; the ring must exist already (a new one would give pseudonyms no one else has). */
  private Pseudonymizer pseudonymizer() {
    Path dataDir = lake.toAbsolutePath().normalize().getParent();
    Path keys = keyDir != null ? keyDir : CryptoSettings.defaultKeyDir(dataDir == null ? lake : dataDir);
    if (!Files.exists(keys.resolve("keyring.json"))) {
      throw new CliException("no key ring in " + keys + "; give --key-dir");
    }
    String env = System.getenv(io.shopsense.server.config.PlatformConfiguration.MASTER_KEY_ENV);
    return KeyDirectory.open(new CryptoSettings(keys, env == null || env.isBlank() ? null : env, true),
        java.time.Clock.systemUTC()).pseudonymizer();
  }

  private QueryResult remote() {
    JsonNode r = server.client().post("/v1/sql", Map.of("sql", sql, "maxRows", maxRows, "pseudonymous",
        pseudonymous));
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
