package io.shopsense.lake;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.json.JsonCodec;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.duckdb.DuckDBFunctions;

/**
 * The lake as analysts see it: {@code anonymous_id}, {@code user_id} and {@code previous_id} replaced by their
 * pseudonyms (a Java function under a key DuckDB never sees), the {@code traits} and {@code context} JSON left out.
 * Since the raw files stay readable in the session's sandbox, the analyst's query may only read the views: no table
 * function ({@code read_parquet}, {@code duckdb_views}, ...), no table but {@code events}, {@code lines} and the
 * query's own CTEs (a file path or a catalog table is refused), and no call of the pseudonym function itself (whose
 * name is random per session), so that neither the raw ids nor a way to test a guess at one can be reached.
 */
final class PseudonymousViews {
  static final Set<String> PSEUDONYMISED = Set.of("anonymous_id", "user_id", "previous_id");
  static final Set<String> LEFT_OUT = Set.of("traits", "context");
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final UnaryOperator<String> pseudonym;
  private final String function;

  PseudonymousViews(UnaryOperator<String> pseudonym) {
    this.pseudonym = pseudonym;
    byte[] salt = new byte[8];
    new SecureRandom().nextBytes(salt);
    this.function = "pseudonym_" + HexFormat.of().formatHex(salt);
  }

  /** Registers the pseudonym function in the session (before the sandbox locks the configuration). */
  void register(DuckDbSession session) throws SQLException {
    try (var builder = DuckDBFunctions.scalarFunction()) {
      builder.withName(function).withParameter(String.class).withReturnType(String.class)
          .withNullInNullOut()
          .withFunction((String id) -> id == null ? null : pseudonym.apply(id)).register(session.connection());
    }
  }

  /** The select list of a view over the files of {@code table}. */
  String selectList(LakeTable table) {
    return table.columns().stream().filter(c -> !LEFT_OUT.contains(c.name()))
        .map(c -> PSEUDONYMISED.contains(c.name()) ? function + "(" + LakeTable.quote(c.name()) + ") AS "
            + LakeTable.quote(c.name()) : LakeTable.quote(c.name()))
        .collect(Collectors.joining(", "));
  }

  /** The select list of an empty view of {@code table}, typed like the full one. */
  String emptySelectList(LakeTable table) {
    return table.columns().stream().filter(c -> !LEFT_OUT.contains(c.name()))
        .map(c -> "CAST(NULL AS " + c.type() + ") AS " + LakeTable.quote(c.name()))
        .collect(Collectors.joining(", "));
  }

  /**
   * Refuses a query (its DuckDB syntax tree, from {@code json_serialize_sql}) that reads anything but the views.
   *
   * @throws LakeQueryException naming what is not allowed
   */
  void check(String serializedSql) {
    JsonNode tree = JsonCodec.parse(serializedSql);
    Set<String> ctes = new HashSet<>();
    collectCtes(tree, ctes);
    walk(tree, ctes);
  }

  private static void collectCtes(JsonNode node, Set<String> ctes) {
    if (node.isObject() && node.has("cte_map")) {
      for (JsonNode entry : node.path("cte_map").path("map")) {
        ctes.add(entry.path("key").asText().toLowerCase(Locale.ROOT));
      }
    }
    node.forEach(child -> collectCtes(child, ctes));
  }

  private void walk(JsonNode node, Set<String> ctes) {
    if (node.isObject()) {
      String type = node.path("type").asText();
      if ("TABLE_FUNCTION".equals(type)) {
        throw new LakeQueryException("the pseudonymous lake offers the views events and lines only; table functions "
            + "such as " + node.path("function").path("function_name").asText("this one") + " are not available");
      }
      if ("BASE_TABLE".equals(type)) {
        String name = node.path("table_name").asText();
        boolean plain = PLAIN_NAME.matcher(name).matches() && node.path("schema_name").asText().isEmpty()
            && node.path("catalog_name").asText().isEmpty();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!plain || !(lower.equals("events") || lower.equals("lines") || ctes.contains(lower))) {
          throw new LakeQueryException("the pseudonymous lake offers the views events and lines only, not " + name);
        }
      }
      if ("FUNCTION".equals(node.path("class").asText())
          && function.equalsIgnoreCase(node.path("function_name").asText())) {
        throw new LakeQueryException("the pseudonym function is not available to queries");
      }
    }
    node.forEach(child -> walk(child, ctes));
  }
}
