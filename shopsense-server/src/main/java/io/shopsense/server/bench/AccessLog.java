package io.shopsense.server.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The server-side measurement the serving bench adds: Tomcat's access log, one line per request with the time it
 * began (epoch ms), its path, its status and the time Tomcat took to process it in microseconds (from reading the
 * request to the end of the response: security, MVC, the service and JSON included). Enabled on the bench's server by
 * {@link #serverArgs}; read after the server stopped (the valve buffers lines until then).
 */
final class AccessLog {
  static final String PATTERN = "%{begin:msec}t %U %s %{us}T";

  private AccessLog() {}

  /** The server arguments that write the log into {@code directory}. */
  static List<String> serverArgs(Path directory) {
    return List.of("--server.tomcat.accesslog.enabled=true",
        "--server.tomcat.accesslog.directory=" + directory.toAbsolutePath(),
        "--server.tomcat.accesslog.prefix=access", "--server.tomcat.accesslog.suffix=.log",
        "--server.tomcat.accesslog.rotate=false", "--server.tomcat.accesslog.pattern=" + PATTERN);
  }

  /**
   * The processing times, in nanoseconds, of the requests for {@code path} (query left out) that began in
   * {@code [fromMillis, toMillis]}, and how many of them were not answered with 200.
   */
  static Window read(Path directory, String path, long fromMillis, long toMillis) throws IOException {
    LatencyRecord times = new LatencyRecord(100_000);
    long[] notOk = {0};
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("access")).toList()) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
          lines.forEach(line -> {
            String[] f = line.split(" ");
            if (f.length == 4 && f[1].equals(path)) {
              long begin = Long.parseLong(f[0]);
              if (begin >= fromMillis && begin <= toMillis) {
                times.add(Long.parseLong(f[3]) * 1_000);
                notOk[0] += f[2].equals("200") ? 0 : 1;
              }
            }
          });
        }
      }
    }
    return new Window(times.size(), notOk[0], times.quantiles().summary());
  }

  /** Requests of a window, those not answered with 200, and the processing-time quantiles. */
  record Window(long requests, long notOk, LatencyRecord.Summary times) {}
}
