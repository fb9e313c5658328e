package io.shopsense.lake;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of the event lake.
 *
 * @param directory       the lake's root: {@code <directory>/events/...} and {@code <directory>/lines/...}
 * @param flushEvents     the writer flushes once this many events are buffered
 * @param flushInterval   a buffer older than this is flushed (when the log is idle, or at the next batch)
 * @param compactMinFiles a day is compacted into one file once it has this many committed files
 * @param memoryLimit     DuckDB's {@code memory_limit} for every connection the lake opens, such as {@code 512MB};
 *                        set explicitly because DuckDB's default takes 80% of the machine's memory. The writer also
 *                        flushes early when the events it buffers (on the Java heap) take more than half of it
 * @param threads         DuckDB's {@code threads} for the connections that query the lake; the writer's own session
 *                        (its flushes and the compactions it runs) uses one thread: it writes one ordered stream at a
 *                        time, and a second thread there only costs CPU that ingest, sharing the machine, needs more
 */
public record LakeSettings(
    Path directory,
    int flushEvents,
    Duration flushInterval,
    int compactMinFiles,
    String memoryLimit,
    int threads) {

  // the limit is spliced into a SET statement, so only a plain size is accepted
  private static final Pattern MEMORY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s?(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

  public LakeSettings {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(flushInterval, "flushInterval");
    Objects.requireNonNull(memoryLimit, "memoryLimit");
    if (flushEvents <= 0) {
      throw new IllegalArgumentException("flushEvents must be positive");
    }
    if (flushInterval.isNegative()) {
      throw new IllegalArgumentException("flushInterval must not be negative");
    }
    if (compactMinFiles < 2) {
      throw new IllegalArgumentException("compactMinFiles must be at least 2");
    }
    if (!MEMORY.matcher(memoryLimit).matches()) {
      throw new IllegalArgumentException("memoryLimit must be a size such as 512MB or 2GB, not " + memoryLimit);
    }
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be positive");
    }
    directory = directory.toAbsolutePath().normalize();
  }

  /** 100,000 events or 5 s per flush, compaction at 8 files, DuckDB with 512MB and 2 threads. */
  public static LakeSettings defaults(Path directory) {
    return new LakeSettings(directory, 100_000, Duration.ofSeconds(5), 8, "512MB", 2);
  }

  /** {@link #memoryLimit} in bytes ({@code KB}, {@code MB}… are powers of 1000, {@code KiB}, {@code MiB}… of 1024). */
  public long memoryLimitBytes() {
    Matcher m = MEMORY.matcher(memoryLimit); // matches: the constructor checked
    m.matches();
    String unit = m.group(2);
    int power = "BKMGT".indexOf(unit.charAt(0));
    double base = unit.contains("i") ? 1024 : 1000;
    return (long) (Double.parseDouble(m.group(1)) * Math.pow(base, power));
  }

  public LakeSettings withFlushEvents(int events) {
    return new LakeSettings(directory, events, flushInterval, compactMinFiles, memoryLimit, threads);
  }

  public LakeSettings withFlushInterval(Duration interval) {
    return new LakeSettings(directory, flushEvents, interval, compactMinFiles, memoryLimit, threads);
  }

  public LakeSettings withCompactMinFiles(int files) {
    return new LakeSettings(directory, flushEvents, flushInterval, files, memoryLimit, threads);
  }

  public LakeSettings withDuckDb(String memory, int threadCount) {
    return new LakeSettings(directory, flushEvents, flushInterval, compactMinFiles, memory, threadCount);
  }
}
