package io.shopsense.server.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * One snapshot of a timer's Prometheus histogram, summed over all its tag sets (e.g. every scene and basis), plus its
 * counts by one tag. Two snapshots give the distribution of the window between them, so that a warm-up does not count
 * ({@link #quantileSince}): the {@code q}-quantile is the upper bound of the first bucket holding it, as Prometheus'
 * {@code histogram_quantile} would answer without interpolation (an upper bound of the true value).
 */
record ServerHistogram(TreeMap<Double, Double> buckets, Map<String, Double> countsByTag) {

  /** Reads {@code <timer>_bucket} and {@code <timer>_count} lines of a Prometheus scrape. */
  static ServerHistogram of(String[] prometheus, String timer, String tag) {
    TreeMap<Double, Double> buckets = new TreeMap<>();
    Map<String, Double> counts = new TreeMap<>();
    for (String line : prometheus) {
      if (line.startsWith(timer + "_bucket{")) {
        String bound = label(line, "le");
        buckets.merge(bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound), value(line),
            Double::sum);
      } else if (line.startsWith(timer + "_count{")) {
        String t = label(line, tag);
        counts.merge(t == null ? "" : t, value(line), Double::sum);
      }
    }
    return new ServerHistogram(buckets, counts);
  }

  /** Requests counted since {@code before}. */
  double countSince(ServerHistogram before) {
    return total(this) - total(before);
  }

  /** The {@code q}-quantile, in seconds, of what was recorded since {@code before}; NaN when nothing was. */
  double quantileSince(ServerHistogram before, double q) {
    double total = countSince(before);
    if (!(total > 0)) {
      return Double.NaN;
    }
    for (var b : buckets.entrySet()) {
      if (b.getValue() - before.buckets.getOrDefault(b.getKey(), 0.0) >= q * total) {
        return b.getKey();
      }
    }
    return Double.NaN;
  }

  /** The counts by tag value recorded since {@code before}. */
  Map<String, Double> countsSince(ServerHistogram before) {
    Map<String, Double> out = new TreeMap<>();
    countsByTag.forEach((k, v) -> {
      double d = v - before.countsByTag.getOrDefault(k, 0.0);
      if (d > 0) {
        out.put(k, d);
      }
    });
    return out;
  }

  private static double total(ServerHistogram h) {
    return h.buckets.isEmpty() ? 0 : h.buckets.lastEntry().getValue();
  }

  private static double value(String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  private static String label(String line, String name) {
    int at = line.indexOf("{" + name + "=\"");
    if (at < 0) {
      at = line.indexOf("," + name + "=\"");
    }
    if (at < 0) {
      return null;
    }
    int from = at + name.length() + 3;
    return line.substring(from, line.indexOf('"', from));
  }
}
