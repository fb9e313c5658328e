package io.shopsense.lake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link QueryResult} as a plain-text table for a terminal (the CLI's {@code shopsense sql}): a header, a
 * rule, one line per row, numbers right-aligned, {@code NULL} for SQL NULL, long values cut at
 * {@value #MAX_WIDTH} characters, control characters shown as {@code ?}, and a last line with the row count (and a
 * note when the result was truncated). Stateless and thread-safe.
 */
public final class TextTable {
  /** The widest a cell is shown. */
  public static final int MAX_WIDTH = 60;

  private TextTable() {}

  public static String render(QueryResult result) {
    int n = result.columns().size();
    List<String[]> cells = new ArrayList<>(result.rows().size());
    int[] width = new int[n];
    boolean[] numeric = new boolean[n];
    for (int c = 0; c < n; c++) {
      width[c] = cell(result.columns().get(c)).length();
      numeric[c] = isNumeric(result.types().get(c));
    }
    for (List<Object> row : result.rows()) {
      String[] line = new String[n];
      for (int c = 0; c < n; c++) {
        line[c] = cell(row.get(c));
        width[c] = Math.max(width[c], line[c].length());
      }
      cells.add(line);
    }
    StringBuilder out = new StringBuilder();
    if (n > 0) {
      String[] header = new String[n];
      for (int c = 0; c < n; c++) {
        header[c] = cell(result.columns().get(c));
      }
      line(out, header, width, new boolean[n]);
      for (int c = 0; c < n; c++) {
        out.append(c == 0 ? "" : "-+-").append("-".repeat(width[c]));
      }
      out.append('\n');
      for (String[] line : cells) {
        line(out, line, width, numeric);
      }
    }
    int rows = result.rows().size();
    out.append('(').append(rows).append(rows == 1 ? " row" : " rows");
    if (result.truncated()) {
      out.append("; more rows exist, only the first ").append(rows).append(" are shown");
    }
    return out.append(")\n").toString();
  }

  private static void line(StringBuilder out, String[] cells, int[] width, boolean[] right) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      String pad = " ".repeat(width[c] - cells[c].length());
      line.append(c == 0 ? "" : " | ").append(right[c] ? pad + cells[c] : cells[c] + pad);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static String cell(Object value) {
    String text = value == null ? "NULL" : value instanceof BigDecimal d ? d.toPlainString()
        : value instanceof byte[] b ? "<" + b.length + " bytes>" : value.toString();
    StringBuilder s = new StringBuilder(Math.min(text.length(), MAX_WIDTH + 1));
    text.codePoints().limit(MAX_WIDTH + 1L)
        .forEach(cp -> s.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
    if (s.codePointCount(0, s.length()) <= MAX_WIDTH) {
      return s.toString();
    }
    return s.substring(0, s.offsetByCodePoints(0, MAX_WIDTH - 1)) + "…";
  }

  private static boolean isNumeric(String type) {
    return type.startsWith("DECIMAL") || List.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT",
        "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE").contains(type);
  }
}
