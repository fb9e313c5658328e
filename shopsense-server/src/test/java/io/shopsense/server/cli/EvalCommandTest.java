package io.shopsense.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * {@code shopsense eval} end to end: a small generated shop (seeded) and, when the shared data folder has it, the
 * whole Online Retail file (about 30 s here); under {@code CI=true} its absence fails.
 */
class EvalCommandTest {

  @Test
  @Timeout(180)
  void comparesTheModelsOnAGeneratedShop() {
    String out = run("eval", "--source", "generated", "--events", "200000", "--seed", "7", "--markdown");
    Map<String, double[]> rows = rows(out);

    assertThat(rows).as(out).containsOnlyKeys("popularity", "itemknn", "ease", "als", "hybrid");
    // the hybrid blends the four others with weights chosen on the validation split, printed in the run
    assertThat(out).containsPattern("hybrid: weights popularity [01]\\.\\d\\d, itemknn [01]\\.\\d\\d, ease [01]\\.\\d\\d,"
        + " als [01]\\.\\d\\d, chosen of 35 on the validation split at ");
    rows.forEach((model, v) -> {
      assertThat(v[USERS]).as(model).isPositive();
      assertThat(v[RECALL]).as(model).isBetween(0.0, 1.0);
      assertThat(v[NDCG]).as(model).isBetween(0.0, 1.0);
      assertThat(v[HR]).as(model).isBetween(v[RECALL] > 0 ? 1e-9 : 0.0, 1.0);
      assertThat(v[COVERAGE]).as(model).isBetween(0.0, 1.0);
    });
    // every model is measured on the same users
    assertThat(rows.get("itemknn")[USERS]).isEqualTo(rows.get("popularity")[USERS]);
    // the generated shop buys in co-purchase clusters, which a collaborative model must find and popularity cannot
    assertThat(Math.max(rows.get("itemknn")[NDCG], rows.get("ease")[NDCG]))
        .as(out).isGreaterThan(rows.get("popularity")[NDCG]);
    // a popularity list shows (nearly) the same head to everyone: the personal models cover more of the catalog
    assertThat(rows.get("itemknn")[COVERAGE]).as(out).isGreaterThan(rows.get("popularity")[COVERAGE]);
  }

  @Test
  void rejectsAnUnknownModel() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("eval", "--events", "1000", "--models", "popularity,svd")).isEqualTo(1);
    assertThat(err.toString()).contains("unknown model 'svd'");
  }

  @Test
  void withSparkNeedsTheSparkClasspathAndAValidGridBeforeReadingAnyData() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("eval", "--events", "1000", "--with-spark", "--spark-classpath", " ")).isEqualTo(1);
    assertThat(err.toString()).contains("--with-spark needs the Spark classpath").contains("./shopsense");
    assertThat(cli.execute("eval", "--events", "1000", "--with-spark", "--spark-classpath", "x.jar",
        "--spark-grid", "32:0.1")).isEqualTo(1);
    assertThat(err.toString()).contains("RANK:REGPARAM:ALPHA");
  }

  @Test
  @Timeout(600)
  void comparesTheModelsOnOnlineRetail() {
    Path data = dataFolder();
    Path file = data.resolve(OnlineRetailInteractions.FILE);
    if (!Files.exists(file)) {
      String message = "REAL DATA ABSENT: " + file + " (set SHOPSENSE_DATA to the shared data folder)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message);
      }
      System.err.println("!!! " + message + " - test skipped");
      Assumptions.abort(message);
    }
    // two ALS points keep the run short; the default grid is the platform trainer's (three points)
    String out = run("eval", "--source", "online-retail", "--data", data.toString(), "--markdown",
        "--als-grid", "64:0.1:20,64:10:0.3");
    Map<String, double[]> rows = rows(out);

    assertThat(rows).as(out).containsOnlyKeys("popularity", "itemknn", "ease", "als", "hybrid");
    // counted independently (zcat | csv): 404,909 rows with a customer id and a product code (8,539 of them credit
    // notes), 3,676 distinct product codes
    assertThat(out).contains("404,909 interactions from 2010-12-01T08:26:00Z to 2011-12-09T12:50:00Z, 3,676 catalog");
    // default cutoff: the last 30 days before the last invoice (2011-12-09 12:50 London, GMT)
    assertThat(out).contains("split at 2011-11-09T12:50:00Z");
    rows.forEach((model, v) -> {
      assertThat(v[USERS]).as(model).isGreaterThan(100);
      assertThat(v[RECALL]).as(model).isBetween(0.0, 1.0);
      assertThat(v[NDCG]).as(model).isBetween(0.0, 1.0);
    });
    // the best-sellers alone find a relevant item in the top 20 for a good share of customers: the split and the
    // truth line up (a mis-keyed truth or an off-by-one cutoff gives ~0 here)
    assertThat(rows.get("popularity")[HR]).as(out).isGreaterThan(0.2);
    // the target: the tuned hybrid is at least as good as the best single model on NDCG@10 and Recall@20
    for (String single : List.of("popularity", "itemknn", "ease", "als")) {
      assertThat(rows.get("hybrid")[NDCG]).as(out).isGreaterThanOrEqualTo(rows.get(single)[NDCG]);
      assertThat(rows.get("hybrid")[RECALL]).as(out).isGreaterThanOrEqualTo(rows.get(single)[RECALL]);
    }
    // ALS is chosen on the validation split (train records only), as the hybrid's weights are
    assertThat(out).contains("als: factors 64, lambda 10.0, alpha 0.3 chosen of 2 on the validation split");
  }

  private static final int USERS = 0;
  private static final int RECALL = 1;
  private static final int NDCG = 2;
  private static final int HR = 4;
  private static final int COVERAGE = 5;

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    int code = cli.execute(args);
    assertThat(code).as(out.toString()).isZero();
    return out.toString();
  }

  /** Model → Users, Recall, NDCG, MRR, HR, Cov, ILD, … from the Markdown rows (figures only). */
  private static Map<String, double[]> rows(String out) {
    Map<String, double[]> rows = new LinkedHashMap<>();
    for (String line : out.lines().toList()) {
      if (!line.startsWith("| ") || line.startsWith("| Model")) {
        continue;
      }
      List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip)
          .toList();
      double[] v = new double[9];
      for (int c = 1; c <= 9; c++) {
        String cell = cells.get(c);
        v[c - 1] = cell.equals("–") ? Double.NaN : Double.parseDouble(cell);
      }
      rows.put(cells.get(0), v);
    }
    return rows;
  }

  private static Path dataFolder() {
    String env = System.getenv("SHOPSENSE_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String root = System.getProperty("shopsense.root");
    Path project = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
    return project.resolve("../shared/data").normalize();
  }
}
