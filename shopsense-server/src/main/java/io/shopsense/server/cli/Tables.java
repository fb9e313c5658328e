package io.shopsense.server.cli;

import java.util.ArrayList;
import java.util.List;

/** Renders rows as an aligned text table for a terminal. */
final class Tables {
  private Tables() {}

  static String render(List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < widths.length && i < row.size(); i++) {
        widths[i] = Math.max(widths[i], cell(row.get(i)).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, widths);
    for (int i = 0; i < widths.length; i++) {
      sb.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
    }
    sb.append('\n');
    rows.forEach(r -> line(sb, r, widths));
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> row, int[] widths) {
    for (int i = 0; i < widths.length; i++) {
      String c = i < row.size() ? cell(row.get(i)) : "";
      sb.append(i == 0 ? "" : "  ").append(c).append(" ".repeat(widths[i] - c.length()));
    }
    sb.append('\n');
  }

  private static String cell(String s) {
    if (s == null) {
      return "";
    }
    String one = s.replace('\n', ' ').replace('\r', ' ');
    return one.length() > 80 ? one.substring(0, 77) + "..." : one;
  }
}
