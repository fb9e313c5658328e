package io.shopsense.core.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

  private static final EvaluationSettings DEFAULTS = EvaluationSettings.defaults();
  private static final ResultRow POPULARITY = new ResultRow("popularity",
      new EvaluationReport(1234, DEFAULTS, 0.1234, 0.0678, 0.2, 0.4, 0.31, 0.9, 10.5, 0.25, 3.456),
      Duration.ofMillis(1500), 256L * 1024 * 1024);
  private static final ResultRow EASE = new ResultRow("ease|r",
      new EvaluationReport(1234, DEFAULTS, 0.3, 0.25, 0.5, 0.7, 0.05, Double.NaN, 7.0, 0.0, 12.0),
      Duration.ofMillis(62_200), -1);
  private static final ResultTable TABLE = new ResultTable(List.of(POPULARITY, EASE));

  @Test
  void rendersAlignedTextWithARuleUnderTheHeader() {
    String expected = ""
        + "Model       Users  Recall@20  NDCG@10     MRR   HR@20  Cov@10  ILD@10  Novelty@10  LongTail@10"
        + "  PopBias@10   Train  Peak mem\n"
        + "-".repeat(124) + "\n"
        + "popularity   1234     0.1234   0.0678  0.2000  0.4000  0.3100  0.9000       10.50       0.2500"
        + "        3.46   1.5 s   256 MiB\n"
        + "ease|r       1234     0.3000   0.2500  0.5000  0.7000  0.0500       –        7.00       0.0000"
        + "       12.00  62.2 s         –\n";
    assertThat(TABLE.renderText()).isEqualTo(expected);
  }

  @Test
  void rendersMarkdownWithRightAlignedFiguresAndEscapedPipes() {
    String expected = ""
        + "| Model | Users | Recall@20 | NDCG@10 | MRR | HR@20 | Cov@10 | ILD@10 | Novelty@10 | LongTail@10"
        + " | PopBias@10 | Train | Peak mem |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        + "| popularity | 1234 | 0.1234 | 0.0678 | 0.2000 | 0.4000 | 0.3100 | 0.9000 | 10.50 | 0.2500 | 3.46"
        + " | 1.5 s | 256 MiB |\n"
        + "| ease\\|r | 1234 | 0.3000 | 0.2500 | 0.5000 | 0.7000 | 0.0500 | – | 7.00 | 0.0000 | 12.00"
        + " | 62.2 s | – |\n";
    assertThat(TABLE.renderMarkdown()).isEqualTo(expected);
  }

  @Test
  void headerNamesTheCutOffsUsed() {
    EvaluationSettings five = new EvaluationSettings(50, 5, 8, true);
    ResultTable table = new ResultTable(List.of(new ResultRow("m",
        new EvaluationReport(1, five, 0, 0, 0, 0, 0, 0, 0, 0, 0), Duration.ZERO, 0)));
    assertThat(table.renderMarkdown()).startsWith(
        "| Model | Users | Recall@50 | NDCG@5 | MRR | HR@50 | Cov@8 | ILD@8 | Novelty@8 | LongTail@8 | PopBias@8");
  }

  @Test
  void refusesRowsEvaluatedWithDifferentCutOffs() {
    ResultRow other = new ResultRow("other", new EvaluationReport(1, new EvaluationSettings(10, 10, 10, true),
        0, 0, 0, 0, 0, 0, 0, 0, 0), Duration.ZERO, 0);
    assertThatThrownBy(() -> new ResultTable(List.of(POPULARITY, other)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share evaluation settings");
  }

  @Test
  void anEmptyTableIsJustTheHeader() {
    assertThat(new ResultTable(List.of()).renderMarkdown().lines()).hasSize(2);
  }
}
