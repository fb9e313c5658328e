package io.shopsense.server.bench;

import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.collect.EventLog;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.event.EventType;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.SourceId;
import io.shopsense.api.id.UserId;
import io.shopsense.core.collect.IngestListener;
import io.shopsense.core.identity.PersonIds;
import io.shopsense.demo.DemoSettings;
import io.shopsense.demo.DemoShop;
import io.shopsense.lake.DuckDbSession;
import io.shopsense.lake.LakeCompactor;
import io.shopsense.lake.LakeErasure;
import io.shopsense.lake.LakeProfileSource;
import io.shopsense.lake.LakeSettings;
import io.shopsense.lake.LakeWriter;
import io.shopsense.platform.EventErasure;
import io.shopsense.platform.Platform;
import io.shopsense.platform.PlatformSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Erasing one person from a large log and lake, against baselines from the same run on the same files. A generated
 * shop is loaded once (in-process ingest, identity and the lake, real-time profiles off; the lake then compacted to
 * one file per day and table, as a running writer leaves it) into a data directory that later runs reuse. Each run
 * erases another person, the one with the most events not erased yet ({@link Platform#eraseEvents}: the log, then the
 * lake through its writer), and prints the time and the bytes rewritten beside (1) the log's size and the time of one
 * sequential read of the whole log, and (2) the lake's size and the time to rewrite the whole lake once through DuckDB
 * (what erasing by rewriting everything would cost). Meanwhile a thread appends batches of 100 events to the log and
 * reports how long they waited (its events are erased afterwards). Runs mutate the data directory: each erases a new
 * person.
 */
@Command(name = "erasure", description = "Erasing one person from the event log and the lake, against a full rewrite.")
public class ErasureBench implements Callable<Integer> {
  @Option(names = "--events", defaultValue = "10000000", description = "generated events (default: ${DEFAULT-VALUE})")
  long events;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(names = "--runs", defaultValue = "2")
  int runs;

  @Option(names = "--threads", defaultValue = "2", description = "DuckDB threads (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--memory", defaultValue = "2GB", description = "DuckDB memory limit (default: ${DEFAULT-VALUE})")
  String memory;

  @Option(names = "--work-dir", defaultValue = "./data/bench-erasure")
  Path workDir;

  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

  @Override
  public Integer call() throws Exception {
    Path dir = workDir.resolve("shop-" + events + "-" + seed).toAbsolutePath();
    if (!Files.exists(dir.resolve("READY"))) {
      prepare(dir);
    }
    PlatformSettings settings = settings(dir);
    LakeSettings lake = settings.lake();
    System.out.printf(Locale.ROOT, "bench erasure: %s, %d cores, DuckDB %d threads %s%n", dir,
        Runtime.getRuntime().availableProcessors(), threads, memory);
    long t0 = System.nanoTime();
    try (Platform p = Platform.open(settings, Clock.systemUTC(), PersonIds.sequential(), IngestListener.NONE)) {
      System.out.printf(Locale.ROOT, "opened the log (%,d events) in %.1f s%n", p.stores().eventLog().count(),
          (System.nanoTime() - t0) / 1e9);
      long logBytes = bytes(dir.resolve("events"));
      long lakeBytes = bytes(lake.directory().resolve("events")) + bytes(lake.directory().resolve("lines"));
      t0 = System.nanoTime();
      long read = readWholeLog(p.stores().eventLog());
      double logReadSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "baseline log: %,d bytes in %d segments; one sequential read of %,d events "
          + "%.2f s%n", logBytes, files(dir.resolve("events")), read, logReadSeconds);
      t0 = System.nanoTime();
      long rewritten = rewriteWholeLake(lake, dir.resolve("full-rewrite"));
      double lakeRewriteSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "baseline lake: %,d bytes in %d files; rewriting it all once through DuckDB "
          + "%.2f s (%,d bytes written)%n", lakeBytes, files(lake.directory().resolve("events"))
          + files(lake.directory().resolve("lines")), lakeRewriteSeconds, rewritten);
      for (int run = 1; run <= runs; run++) {
        // odd runs: the busiest person left (the worst case); even runs: the median person by events
        boolean busiest = run % 2 == 1;
        Person person = person(lake, busiest);
        if (person == null) {
          System.out.println("no person left to erase");
          break;
        }
        // appends go on during the erasure: how long does one wait at most?
        Probe probe = new Probe(p.stores().eventLog(), run);
        Thread appender = new Thread(probe, "bench-erasure-appender");
        appender.start();
        t0 = System.nanoTime();
        EventErasure e = p.eraseEvents(person.anonymousIds(), person.userIds());
        double seconds = (System.nanoTime() - t0) / 1e9;
        probe.stop();
        appender.join();
        p.stores().eventLog().erase(Set.of(AnonymousId.of(probe.anonymousId())), Set.of());
        LakeErasure.Report l = e.lake();
        double logSeconds = seconds - l.elapsed().toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "run %d: the %s person, %d identifiers and %,d events: %.2f s in all%n"
                + "  log:  %,d events erased, %d segments rewritten, %,d bytes rewritten (%.1f%% of the log), "
                + "%.2f s (%.2f× one read of the log)%n"
                + "  lake: %,d rows removed, %d files rewritten, %,d bytes rewritten (%.1f%% of the lake), %.2f s "
                + "(%.3f× a full rewrite)%n",
            run, busiest ? "busiest" : "median", person.anonymousIds().size() + person.userIds().size(),
            e.log().events(), seconds,
            e.log().events(), e.log().files().size(), e.log().bytesRewritten(),
            100.0 * e.log().bytesRewritten() / logBytes, logSeconds, logSeconds / logReadSeconds,
            l.rowsRemoved(), l.filesRewritten(), l.bytesRewritten(), 100.0 * l.bytesRewritten() / lakeBytes,
            l.elapsed().toNanos() / 1e9, l.elapsed().toNanos() / 1e9 / lakeRewriteSeconds);
        System.out.printf(Locale.ROOT, "  appends of 100 events meanwhile: %,d, median %.1f ms, slowest %.1f ms%n",
            probe.count(), probe.medianMillis(), probe.maxMillis());
      }
    }
    return 0;
  }

  /** Appends batches of 100 events of one made-up visitor every 5 ms and records how long each append took. */
  private static final class Probe implements Runnable {
    private final EventLog log;
    private final String anonymousId;
    private final List<Long> nanos = new ArrayList<>();
    private volatile boolean stop;

    Probe(EventLog log, int run) {
      this.log = log;
      this.anonymousId = "bench-probe-" + run + "-" + System.nanoTime();
    }

    String anonymousId() {
      return anonymousId;
    }

    @Override
    public void run() {
      int n = 0;
      while (!stop) {
        List<EventEnvelope> batch = new ArrayList<>(100);
        for (int i = 0; i < 100; i++, n++) {
          String id = anonymousId + "-" + n;
          batch.add(new EventEnvelope(MessageId.of(id), EventType.TRACK, "Product Viewed",
              AnonymousId.of(anonymousId), null, null, NOW, NOW, SourceId.of("bench"),
              ("{\"messageId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)));
        }
        long t = System.nanoTime();
        log.append(batch);
        synchronized (nanos) {
          nanos.add(System.nanoTime() - t);
        }
        try {
          Thread.sleep(5); // about 20,000 events/s: a busy shop, not a flood that fills the heap
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stop() {
      stop = true;
    }

    int count() {
      synchronized (nanos) {
        return nanos.size();
      }
    }

    double medianMillis() {
      synchronized (nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6;
      }
    }

    double maxMillis() {
      synchronized (nanos) {
        return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
      }
    }
  }

  private PlatformSettings settings(Path dir) {
    PlatformSettings d = PlatformSettings.embedded(dir);
    return new PlatformSettings(d.store(), d.ingest(), d.identity(),
        d.lake().withFlushEvents(200_000).withDuckDb(memory, threads), d.profile().withRealTime(false), d.crypto(),
        // the bench measures erasure of every kind of event: nothing is withheld for want of consent
        BenchShop.everythingKept());
  }

  /** The identifiers of one person of the lake: the one with the most events, or the median one. */
  private record Person(Set<AnonymousId> anonymousIds, Set<UserId> userIds) {}

  private static Person person(LakeSettings lake, boolean busiest) throws Exception {
    Path links = lake.directory().resolve(LakeProfileSource.IDENTITIES).resolve(LakeProfileSource.LINKS_FILE);
    try (DuckDbSession db = new DuckDbSession(lake); Statement s = db.connection().createStatement()) {
      String person;
      String ranked = "SELECT l.person_id, row_number() OVER (ORDER BY count(*) DESC, l.person_id) AS r,"
          + " count(*) OVER () AS n FROM read_parquet(" + glob(lake, "events") + ", hive_partitioning = false) e"
          + " JOIN read_parquet(" + DuckDbSession.literal(links) + ") l ON l.kind = 'USER_ID' AND l.value = e.user_id"
          + " GROUP BY l.person_id";
      try (ResultSet rs = s.executeQuery("SELECT person_id FROM (" + ranked + ") WHERE r = "
          + (busiest ? "1" : "(n + 1) // 2"))) {
        if (!rs.next()) {
          return null;
        }
        person = rs.getString(1);
      }
      Set<AnonymousId> anonymous = new LinkedHashSet<>();
      Set<UserId> users = new LinkedHashSet<>();
      try (PreparedStatement ps = db.connection().prepareStatement("SELECT kind, value FROM read_parquet("
          + DuckDbSession.literal(links) + ") WHERE person_id = ?")) {
        ps.setString(1, person);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (rs.getString(1).equals("ANONYMOUS_ID")) {
              anonymous.add(AnonymousId.of(rs.getString(2)));
            } else if (rs.getString(1).equals("USER_ID")) {
              users.add(UserId.of(rs.getString(2)));
            }
          }
        }
      }
      return new Person(anonymous, users);
    }
  }

  private static long readWholeLog(EventLog log) {
    long n = 0;
    long after = 0;
    for (List<StoredEvent> page = log.readAfter(after, 10_000); !page.isEmpty();
        page = log.readAfter(after, 10_000)) {
      n += page.size();
      after = page.get(page.size() - 1).seq();
    }
    return n;
  }

  /** Copies every row of both tables to new Parquet files (ZSTD, as the lake writes); returns the bytes written. */
  private static long rewriteWholeLake(LakeSettings lake, Path target) throws Exception {
    Files.createDirectories(target);
    try (DuckDbSession db = new DuckDbSession(lake); Statement s = db.connection().createStatement()) {
      for (String table : List.of("events", "lines")) {
        s.execute("COPY (SELECT * FROM read_parquet(" + glob(lake, table) + ", hive_partitioning = false)) TO "
            + DuckDbSession.literal(target.resolve(table + ".parquet")) + " (FORMAT parquet, COMPRESSION zstd)");
      }
    }
    long written = bytes(target);
    try (Stream<Path> files = Files.list(target)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.delete(f);
      }
    }
    Files.delete(target);
    return written;
  }

  private static String glob(LakeSettings lake, String table) {
    return DuckDbSession.literal(lake.directory().resolve(table) + "/event_date=*/*.parquet");
  }

  /** Loads the generated shop through the real ingest path, identity and the lake; compacts the lake. */
  private void prepare(Path dir) throws Exception {
    Files.createDirectories(dir);
    DemoShop shop = DemoShop.of(DemoSettings.of(seed, events, NOW));
    PlatformSettings settings = settings(dir);
    long t0 = System.nanoTime();
    long n = 0;
    long committed;
    try (Platform p = Platform.open(settings, Clock.systemUTC(), PersonIds.sequential(), IngestListener.NONE)
        .start()) {
      n = BenchShop.load(p, shop, NOW, t0);
      LakeProfileSource.exportIdentities(p.stores().identityGraph(), settings.lake());
      committed = p.stores().consumerOffsets().get(LakeWriter.NAME);
      System.out.printf(Locale.ROOT, "prepared %,d events, %,d persons in %.0f s%n", n,
          p.stores().identityGraph().persons(), (System.nanoTime() - t0) / 1e9);
    }
    try (LakeCompactor compactor = LakeCompactor.open(settings.lake())) {
      int merged = compactor.compactAll(committed).size();
      System.out.printf(Locale.ROOT, "compacted the lake: %d merges%n", merged);
    }
    Files.writeString(dir.resolve("READY"), Long.toString(n));
  }

  private static long bytes(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  private static long files(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".parquet") || f.toString().endsWith(".log")).count();
    }
  }
}
