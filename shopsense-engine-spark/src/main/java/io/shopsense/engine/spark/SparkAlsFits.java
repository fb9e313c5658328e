package io.shopsense.engine.spark;

import io.shopsense.core.recommend.Interactions;
import io.shopsense.core.recommend.internal.AlsModel;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark MLlib ALS fitted on a given matrix for each point of a grid, in this JVM: the Spark half of
 * {@code shopsense eval --with-spark}, whose server JVM cannot hold Spark (ADR 0008). The server writes the matrix of
 * its split ({@code Interactions.writeTo}), this main fits one model per grid point with {@link SparkAls} and writes
 * {@code model-<n>.bin} ({@code RecommenderModel.toBytes()}) and a line of {@code fits.tsv} per point (n, rank,
 * regParam, alpha, fit milliseconds, peak heap growth in bytes), and the server evaluates the models with the same
 * harness as its own. Nothing is evaluated here.
 *
 * <pre>
 * SparkAlsFits --matrix FILE --out DIR --now ISO-INSTANT --grid RANK:REG:ALPHA[,RANK:REG:ALPHA...]
 *              [--iterations 15] [--seed 42] [--master local[2]]
 * </pre>
 */
public final class SparkAlsFits {
  static final String USAGE = "usage: SparkAlsFits --matrix FILE --out DIR --now ISO-INSTANT"
      + " --grid RANK:REG:ALPHA[,...] [--iterations 15] [--seed 42] [--master local[2]]";

  private SparkAlsFits() {}

  /** See {@link #USAGE}. */
  public static void main(String[] args) throws IOException {
    Map<String, String> a = arguments(args);
    int iterations = Integer.parseInt(a.getOrDefault("--iterations", "15"));
    long seed = Long.parseLong(a.getOrDefault("--seed", "42"));
    List<SparkAls.Settings> grid = grid(a.get("--grid"), iterations, seed);
    Interactions matrix;
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        Files.newInputStream(Path.of(a.get("--matrix"))), 1 << 16))) {
      matrix = Interactions.readFrom(in);
    }
    Instant now = Instant.parse(a.get("--now"));
    Path out = Files.createDirectories(Path.of(a.get("--out")));
    SparkSession spark = JobSession.start("shopsense-als-fits", a.getOrDefault("--master", "local[2]"));
    List<String> lines = new ArrayList<>();
    try {
      Dataset<Row> ratings = SparkAls.ratings(spark, matrix);
      for (int n = 0; n < grid.size(); n++) {
        SparkAls.Settings s = grid.get(n);
        long baseline = heapBaseline();
        long t0 = System.nanoTime();
        AlsModel model = SparkAls.fit(ratings, matrix, s, now);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long peak = Math.max(0, heapPeak() - baseline);
        Files.write(out.resolve("model-" + n + ".bin"), model.toBytes());
        lines.add(String.format(Locale.ROOT, "%d\t%d\t%s\t%s\t%d\t%d", n, s.rank(), s.regParam(), s.alpha(), millis,
            peak));
        System.out.printf(Locale.ROOT, "spark-als rank %d regParam %s alpha %s: fitted in %d ms%n", s.rank(),
            s.regParam(), s.alpha(), millis);
      }
    } finally {
      spark.stop();
    }
    Files.write(out.resolve("fits.tsv"), lines);
  }

  static List<SparkAls.Settings> grid(String text, int iterations, long seed) {
    List<SparkAls.Settings> out = new ArrayList<>();
    for (String point : text.split(",")) {
      String[] p = point.strip().split(":");
      if (p.length != 3) {
        throw new IllegalArgumentException("a grid point is RANK:REG:ALPHA, not " + point + "\n" + USAGE);
      }
      out.add(new SparkAls.Settings(Integer.parseInt(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
          iterations, seed));
    }
    return out;
  }

  private static Map<String, String> arguments(String[] args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      values.put(args[i], args[i + 1]);
    }
    if (args.length % 2 != 0 || !values.keySet().stream().allMatch(k -> List.of("--matrix", "--out", "--now",
        "--grid", "--iterations", "--seed", "--master").contains(k))) {
      throw new IllegalArgumentException("unknown or incomplete arguments\n" + USAGE);
    }
    for (String required : List.of("--matrix", "--out", "--now", "--grid")) {
      if (!values.containsKey(required)) {
        throw new IllegalArgumentException(required + " is required\n" + USAGE);
      }
    }
    return values;
  }

  /** The heap in use after a collection; the pools' peaks are reset so that {@link #heapPeak} starts here. */
  private static long heapBaseline() {
    System.gc();
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
        used += pool.getUsage().getUsed();
      }
    }
    return used;
  }

  /** The sum of the heap pools' peaks since {@link #heapBaseline}: an upper bound of the peak heap in use. */
  private static long heapPeak() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
