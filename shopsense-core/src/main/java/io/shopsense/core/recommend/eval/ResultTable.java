package io.shopsense.core.recommend.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The comparison table: one row per model, every metric, training time and peak memory, rendered as aligned text
 * (for a terminal) or as a Markdown table (for a note). Figures are formatted with a fixed locale so that the
 * output is the same on every machine; a figure that could not be measured prints as {@code –}.
 *
 * <p>Immutable; rows keep the order they were given in.
 */
public final class ResultTable {

  private static final String MISSING = "–";

  private final List<ResultRow> rows;

  /** @throws IllegalArgumentException when rows were evaluated with different cut-offs (they would not compare) */
  public ResultTable(List<ResultRow> rows) {
    this.rows = List.copyOf(rows);
    for (ResultRow row : this.rows) {
      if (!row.report().settings().equals(this.rows.get(0).report().settings())) {
        throw new IllegalArgumentException("rows must share evaluation settings: " + row.model() + " used "
            + row.report().settings() + ", " + this.rows.get(0).model() + " used "
            + this.rows.get(0).report().settings());
      }
    }
  }

  public List<ResultRow> rows() {
    return rows;
  }

  /** Columns padded to their widest cell, names left-aligned, figures right-aligned, a rule under the header. */
  public String renderText() {
    List<List<String>> cells = cells();
    int columns = cells.get(0).size();
    int[] widths = new int[columns];
    for (List<String> line : cells) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], line.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < cells.size(); r++) {
      List<String> line = cells.get(r);
      StringBuilder text = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        if (c > 0) {
          text.append("  ");
        }
        text.append(c == 0 ? padRight(line.get(c), widths[c]) : padLeft(line.get(c), widths[c]));
      }
      out.append(text.toString().stripTrailing()).append('\n');
      if (r == 0) {
        int total = 0;
        for (int width : widths) {
          total += width;
        }
        out.append("-".repeat(total + 2 * (columns - 1))).append('\n');
      }
    }
    return out.toString();
  }

  /** A GitHub-flavoured Markdown table, figures right-aligned. */
  public String renderMarkdown() {
    List<List<String>> cells = cells();
    StringBuilder out = new StringBuilder();
    out.append("| ").append(String.join(" | ", cells.get(0))).append(" |\n");
    out.append("|---");
    out.append("|---:".repeat(cells.get(0).size() - 1)).append("|\n");
    for (List<String> line : cells.subList(1, cells.size())) {
      List<String> escaped = new ArrayList<>(line.size());
      for (String cell : line) {
        escaped.add(cell.replace("|", "\\|"));
      }
      out.append("| ").append(String.join(" | ", escaped)).append(" |\n");
    }
    return out.toString();
  }

  private List<List<String>> cells() {
    List<List<String>> cells = new ArrayList<>();
    cells.add(header());
    for (ResultRow row : rows) {
      EvaluationReport report = row.report();
      List<String> line = new ArrayList<>();
      line.add(row.model());
      line.add(Integer.toString(report.users()));
      for (Function<EvaluationReport, Double> metric : List.<Function<EvaluationReport, Double>>of(
          EvaluationReport::recall, EvaluationReport::ndcg, EvaluationReport::mrr,
          EvaluationReport::hitRate, EvaluationReport::coverage, EvaluationReport::diversity)) {
        line.add(figure(metric.apply(report), "%.4f"));
      }
      line.add(figure(report.novelty(), "%.2f"));
      line.add(figure(report.longTailShare(), "%.4f"));
      line.add(figure(report.popularityBias(), "%.2f"));
      line.add(String.format(Locale.ROOT, "%.1f s", row.trainingTime().toMillis() / 1000.0));
      line.add(row.peakMemoryBytes() < 0 ? MISSING
          : String.format(Locale.ROOT, "%.0f MiB", row.peakMemoryBytes() / (1024.0 * 1024.0)));
      cells.add(line);
    }
    return cells;
  }

  private List<String> header() {
    EvaluationSettings s = rows.isEmpty() ? EvaluationSettings.defaults() : rows.get(0).report().settings();
    return List.of("Model", "Users", "Recall@" + s.recallK(), "NDCG@" + s.ndcgK(), "MRR", "HR@" + s.recallK(),
        "Cov@" + s.listK(), "ILD@" + s.listK(), "Novelty@" + s.listK(), "LongTail@" + s.listK(),
        "PopBias@" + s.listK(), "Train", "Peak mem");
  }

  private static String figure(double value, String format) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : MISSING;
  }

  private static String padRight(String text, int width) {
    return text + " ".repeat(width - text.length());
  }

  private static String padLeft(String text, int width) {
    return " ".repeat(width - text.length()) + text;
  }
}
