package io.shopsense.server.cli;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionWeights;
import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.eval.EvaluationReport;
import io.shopsense.core.recommend.eval.EvaluationSettings;
import io.shopsense.core.recommend.eval.OfflineEvaluator;
import io.shopsense.core.recommend.eval.ResultRow;
import io.shopsense.core.recommend.eval.Split;
import io.shopsense.core.recommend.eval.SplitOptions;
import io.shopsense.core.recommend.eval.TemporalSplit;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The {@code spark-als} row of {@code shopsense eval --with-spark}: Spark MLlib's implicit ALS tuned and measured
 * like the hybrid. Spark cannot live in this JVM (ADR 0008), so the factors are fitted in a child JVM
 * ({@code io.shopsense.engine.spark.SparkAlsFits} on the given classpath: the engine-spark job jar and Spark), which
 * gets the matrix as {@link Interactions#writeTo} bytes and returns served model bytes; everything else — the split,
 * the matrices, the evaluation, the ranking as served — is this JVM's, the same code as every other row.
 *
 * <p>Tuning never sees the test period: a validation split is carved from the train records at
 * {@code validationCutoff} (as {@code HybridTuner} does), one model per grid point is fitted on the part before it and
 * evaluated on the purchases after it, and the best by NDCG@10 (then Recall@20, then grid order) is refitted on the
 * whole train matrix. The row's training time is that last fit as the child measured it (MLlib's fit and collecting
 * the factors, the session already up), its peak memory the child's heap growth during the fit.
 */
final class SparkAlsContender {
  static final String MAIN = "io.shopsense.engine.spark.SparkAlsFits";

  /** One point of the grid: MLlib's rank, regParam and alpha. */
  record Point(int rank, double regParam, double alpha) {
    static List<Point> parseGrid(String text) {
      return parseGrid(text, "--spark-grid", "RANK:REGPARAM:ALPHA");
    }

    /** Points {@code a:b:c} separated by commas; errors name the option and its point format. */
    static List<Point> parseGrid(String text, String option, String format) {
      List<Point> out = new ArrayList<>();
      for (String p : text.split(",")) {
        String[] v = p.strip().split(":");
        if (v.length != 3) {
          throw new CliException(option + " takes " + format + " points separated by commas, not " + p);
        }
        try {
          out.add(new Point(Integer.parseInt(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2])));
        } catch (NumberFormatException e) {
          throw new CliException(option + ": not a number in " + p);
        }
      }
      return out;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "rank %d, regParam %s, alpha %s", rank, regParam, alpha);
    }

    String text() {
      return rank + ":" + regParam + ":" + alpha;
    }
  }

  /** A fitted model and what the child measured. */
  record Fit(RecommenderModel model, long fitMillis, long peakBytes) {}

  private final String classpath;
  private final List<Point> grid;
  private final int iterations;
  private final String childHeap;
  private final PrintWriter out;

  SparkAlsContender(String classpath, List<Point> grid, int iterations, String childHeap, PrintWriter out) {
    if (classpath == null || classpath.isBlank()) {
      throw new CliException("--with-spark needs the Spark classpath: run it through ./shopsense (which builds it),"
          + " or pass --spark-classpath / set SHOPSENSE_SPARK_CLASSPATH to the engine-spark job jar and Spark's jars");
    }
    if (grid.isEmpty()) {
      throw new CliException("--spark-grid is empty");
    }
    this.classpath = classpath;
    this.grid = List.copyOf(grid);
    this.iterations = iterations;
    this.childHeap = childHeap;
    this.out = out;
  }

  /**
   * Tunes on the validation split of {@code train}, refits the best point on {@code matrix} (the whole train period's)
   * and evaluates it with {@code evaluator}: the table's row.
   */
  ResultRow row(List<Interaction> train, Instant cutoff, Instant validationCutoff, Interactions matrix,
      OfflineEvaluator evaluator, EvalData input, EvaluationSettings settings) throws IOException,
      InterruptedException {
    Split validation = TemporalSplit.split(train, SplitOptions.at(validationCutoff));
    if (validation.truth().isEmpty()) {
      throw new CliException("spark-als: no warm user purchased between " + validationCutoff + " and " + cutoff
          + ": move --validation-days");
    }
    Interactions validationMatrix = Interactions.of(validation.train(), InteractionWeights.DEFAULT);
    OfflineEvaluator validator = new OfflineEvaluator(validation, input.catalog(), input.similarity(), settings);
    long t0 = System.nanoTime();
    List<Fit> fits = fit(validationMatrix, grid, validationCutoff);
    int best = 0;
    EvaluationReport bestReport = null;
    for (int p = 0; p < fits.size(); p++) {
      EvaluationReport r = validator.evaluate(EvalCommand.ranker(fits.get(p).model()));
      out.printf(Locale.ROOT, "spark-als validation: %s → NDCG@%d %.4f, Recall@%d %.4f (fit %.1f s)%n",
          grid.get(p), settings.ndcgK(), r.ndcg(), settings.recallK(), r.recall(), fits.get(p).fitMillis() / 1e3);
      if (bestReport == null || r.ndcg() > bestReport.ndcg()
          || (r.ndcg() == bestReport.ndcg() && r.recall() > bestReport.recall())) {
        best = p;
        bestReport = r;
      }
    }
    out.printf(Locale.ROOT, "spark-als: %s, %d iterations, chosen of %d on the validation split at %s (%,d users;"
            + " tuned in %.1f s)%n", grid.get(best), iterations, grid.size(), validationCutoff, bestReport.users(),
        (System.nanoTime() - t0) / 1e9);
    Fit fit = fit(matrix, List.of(grid.get(best)), cutoff).get(0);
    EvaluationReport report = evaluator.evaluate(EvalCommand.ranker(fit.model()));
    out.printf(Locale.ROOT, "spark-als: trained in %.1f s (%s)%n", fit.fitMillis() / 1e3, fit.model().recommender());
    return new ResultRow("spark-als", report, Duration.ofMillis(fit.fitMillis()), fit.peakBytes());
  }

  /** Fits one model per point on {@code matrix} in a child JVM. */
  private List<Fit> fit(Interactions matrix, List<Point> points, Instant now) throws IOException,
      InterruptedException {
    Path dir = Files.createTempDirectory("shopsense-spark-als");
    try {
      Path matrixFile = dir.resolve("matrix.bin");
      try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(matrixFile),
          1 << 16))) {
        matrix.writeTo(o);
      }
      Path log = dir.resolve("spark.log");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder child = new ProcessBuilder(java, "-Xmx" + childHeap, "-XX:+UseParallelGC", "-cp", classpath,
          MAIN, "--matrix", matrixFile.toString(), "--out", dir.toString(), "--now", now.toString(),
          "--iterations", Integer.toString(iterations), "--master", "local[" + Runtime.getRuntime()
          .availableProcessors() + "]", "--grid", points.stream().map(Point::text).collect(Collectors.joining(",")))
          .redirectErrorStream(true).redirectOutput(log.toFile());
      child.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
      Process p = child.start();
      if (!p.waitFor(6, TimeUnit.HOURS) || p.exitValue() != 0) {
        p.destroyForcibly();
        List<String> lines = Files.readAllLines(log);
        throw new CliException("spark-als: the Spark JVM failed; the end of its log:\n"
            + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
      }
      List<Fit> fits = new ArrayList<>();
      for (String line : Files.readAllLines(dir.resolve("fits.tsv"))) {
        String[] f = line.split("\t");
        RecommenderModel model = RecommenderModel.fromBytes(Files.readAllBytes(dir.resolve("model-" + f[0] + ".bin")));
        fits.add(new Fit(model, Long.parseLong(f[4]), Long.parseLong(f[5])));
      }
      return fits;
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
