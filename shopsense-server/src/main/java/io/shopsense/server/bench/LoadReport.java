package io.shopsense.server.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link LoadGen} run measured, printed as one line that the bench parses back: the measured window in
 * wall-clock milliseconds, how many requests were answered and how many of them with 200, how many were sent more
 * than a millisecond after their due time (the client falling behind), the achieved rate, latency quantiles from the
 * due time and service-time quantiles from the send, and every outcome's count.
 */
record LoadReport(long windowStartMillis, long windowEndMillis, long answered, long ok, long lateSends,
    double achievedRate, LatencyRecord.Summary latency, LatencyRecord.Summary service,
    Map<String, Long> outcomes) {
  static final String WINDOW_START = "loadgen-window-start";
  private static final String PREFIX = "loadgen-result ";

  static boolean isResult(String line) {
    return line.startsWith(PREFIX);
  }

  String describe() {
    return String.format(Locale.ROOT, "answered %,d (%,d with 200; outcomes %s) at %.0f req/s; latency from due time:"
        + " %s; service time: %s; %,d sends more than 1 ms late", answered, ok, outcomes, achievedRate,
        latency.describe(), service.describe(), lateSends);
  }

  /** {@code loadgen-result key=value …}; quantiles are given as p50, p99, p99.9 and max in nanoseconds. */
  String line() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("window-start", Long.toString(windowStartMillis));
    f.put("window-end", Long.toString(windowEndMillis));
    f.put("answered", Long.toString(answered));
    f.put("ok", Long.toString(ok));
    f.put("late", Long.toString(lateSends));
    f.put("rate", String.format(Locale.ROOT, "%.1f", achievedRate));
    f.put("latency", latency.encode());
    f.put("service", service.encode());
    StringBuilder out = new StringBuilder(PREFIX);
    f.forEach((k, v) -> out.append(k).append('=').append(v).append(' '));
    outcomes.forEach((k, v) -> out.append("outcome.").append(k).append('=').append(v).append(' '));
    return out.toString().strip();
  }

  static LoadReport parse(String line) {
    Map<String, String> f = new LinkedHashMap<>();
    Map<String, Long> outcomes = new TreeMap<>();
    for (String pair : line.substring(PREFIX.length()).strip().split(" ")) {
      int eq = pair.indexOf('=');
      String k = pair.substring(0, eq);
      String v = pair.substring(eq + 1);
      if (k.startsWith("outcome.")) {
        outcomes.put(k.substring("outcome.".length()), Long.parseLong(v));
      } else {
        f.put(k, v);
      }
    }
    return new LoadReport(Long.parseLong(f.get("window-start")), Long.parseLong(f.get("window-end")),
        Long.parseLong(f.get("answered")), Long.parseLong(f.get("ok")), Long.parseLong(f.get("late")),
        Double.parseDouble(f.get("rate")), LatencyRecord.Summary.decode(f.get("latency")),
        LatencyRecord.Summary.decode(f.get("service")), outcomes);
  }
}
