package io.shopsense.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The training bench's results: one row per model, passed from the model's JVM to the bench as one tab-separated
 * line and printed as text or Markdown. A model that could not be trained has a row with only its note.
 */
final class TrainingTable {
  private final List<Row> rows = new ArrayList<>();

  void add(Row row) {
    rows.add(row);
  }

  String markdown() {
    StringBuilder out = new StringBuilder("| Model | Train time | CPU time | Peak heap (sampled) | Peak after GC"
        + " | Model retained | Note |\n|---|---:|---:|---:|---:|---:|---|\n");
    for (Row r : rows) {
      out.append(r.trained()
          ? String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", r.model, seconds(r.nanos),
              seconds(r.cpuNanos), mib(r.peakBytes), afterGc(r.afterGcBytes), mib(r.retainedBytes), r.note)
          : String.format(Locale.ROOT, "| %s | — | — | — | — | — | %s |%n", r.model, r.note));
    }
    return out.toString();
  }

  /**
   * One model's figures; {@code nanos} is negative for a model that was not trained.
   *
   * @param nanos         wall-clock training time
   * @param cpuNanos      CPU time the model's JVM used while training (all threads, GC included): less sensitive than
   *                      the wall clock to other processes on a shared machine
   * @param peakBytes     sampled peak heap growth during training (upper bound, garbage included)
   * @param afterGcBytes  highest occupancy right after a collection during training, over the baseline; empty when
   *                      no collection ran
   * @param retainedBytes what the trained model keeps alive
   */
  record Row(String model, long nanos, long cpuNanos, long peakBytes, OptionalLong afterGcBytes,
      long retainedBytes, String note) {
    private static final String PREFIX = "result\t";

    static Row failed(String model, String note) {
      return new Row(model, -1, 0, 0, OptionalLong.empty(), 0, note);
    }

    boolean trained() {
      return nanos >= 0;
    }

    static boolean isResult(String line) {
      return line.startsWith(PREFIX);
    }

    /** The line a model's JVM prints; tabs and line breaks in the note become spaces. */
    String line() {
      String afterGc = afterGcBytes.isPresent() ? Long.toString(afterGcBytes.getAsLong()) : "-";
      return PREFIX + String.join("\t", model, Long.toString(nanos), Long.toString(cpuNanos),
          Long.toString(peakBytes), afterGc, Long.toString(retainedBytes), note.replaceAll("[\\t\\r\\n]+", " "));
    }

    static Row parse(String line) {
      String[] f = line.substring(PREFIX.length()).split("\t", -1);
      if (f.length != 7) {
        throw new IllegalArgumentException("not a result line: " + line);
      }
      return new Row(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
          f[4].equals("-") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(f[4])), Long.parseLong(f[5]),
          f[6]);
    }

    String text() {
      return trained() ? String.format(Locale.ROOT, "%-16s %8s  cpu %8s  peak %9s  after GC %9s  retained %9s  %s",
          model, seconds(nanos), seconds(cpuNanos), mib(peakBytes), afterGc(afterGcBytes), mib(retainedBytes), note)
          : String.format(Locale.ROOT, "%-16s %s", model, note);
    }
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, nanos < 10_000_000_000L ? "%.2f s" : "%.1f s", nanos / 1e9);
  }

  private static String afterGc(OptionalLong bytes) {
    return bytes.isPresent() ? mib(bytes.getAsLong()) : "no GC";
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,d MiB", Math.round(bytes / 1048576.0));
  }
}
