package io.shopsense.store.log;

import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.event.EventType;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.SourceId;
import io.shopsense.api.id.UserId;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * End-to-end benchmark of the segment log, not a test: N appending threads, batches of 100–500 events of about 600
 * bytes, {@link Durability#FSYNC}. Prints events/s and append latency, then the baseline: the same frames written by one
 * thread to a plain file with one write and one force per batch. Then reopens the log and prints the time to open it
 * and the heap its indexes take per event.
 *
 * <pre>
 * java -XX:+UseParallelGC -Xmx4g -cp target/test-classes:target/classes:$(deps) \
 *     io.shopsense.store.log.SegmentLogBench [events=1000000] [threads=8] [directory=a new temp dir]
 * </pre>
 */
public final class SegmentLogBench {

  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
  private static final SourceId SOURCE = SourceId.of("bench-storefront");
  private static final String PADDING = "x".repeat(200);

  private SegmentLogBench() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Path root = args.length > 2 ? Files.createDirectories(Path.of(args[2])) : Files.createTempDirectory("log-bench");
    try {
      run(events, threads, root);
    } finally {
      deleteTree(root);
    }
  }

  private static void run(int events, int threads, Path root) throws Exception {
    int[][] plan = plan(events, threads, new Random(42));
    System.out.printf("%d events, %d threads, batches of 100-500, ~%d bytes per record, FSYNC, %d cores%n", events,
        threads, RecordCodec.prepare(envelope(0, 0, new Random(1)), IdHash.DEFAULT).frameBytes(),
        Runtime.getRuntime().availableProcessors());

    appendConcurrently(root.resolve("warm-up"), plan(Math.min(events, 100_000), threads, new Random(7)));
    deleteTree(root.resolve("warm-up"));

    Path logDir = root.resolve("log");
    long[] latencies = appendConcurrently(logDir, plan);
    long[] baseline = plainFileBaseline(root.resolve("plain.log"), plan);

    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long before = usedHeap();
    long start = System.nanoTime();
    try (SegmentEventLog log = SegmentEventLog.open(logDir, SegmentLogSettings.defaults())) {
      long openNanos = System.nanoTime() - start;
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      long indexBytes = usedHeap() - before;
      System.out.printf("reopen: %d events in %.2f s; index heap %.1f MB = %.1f bytes/event%n", log.count(),
          openNanos / 1e9, indexBytes / 1e6, (double) indexBytes / log.count());
    }
    System.out.printf("ratio log/baseline: %.2f%n", (double) latencies[0] / baseline[0]);
  }

  /** Runs the plan against a fresh log; returns {events/s, then the append latencies}. */
  private static long[] appendConcurrently(Path dir, int[][] plan) throws Exception {
    long[][] latencies = new long[plan.length][];
    CountDownLatch ready = new CountDownLatch(plan.length);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    long total = Arrays.stream(plan).flatMapToInt(Arrays::stream).asLongStream().sum();
    long commitsBefore;
    long startNanos;
    long elapsed;
    try (SegmentEventLog log = SegmentEventLog.open(dir, SegmentLogSettings.defaults())) {
      for (int t = 0; t < plan.length; t++) {
        int thread = t;
        Thread w = new Thread(() -> {
          Random random = new Random(1000 + thread);
          long[] mine = new long[plan[thread].length];
          int n = 0;
          ready.countDown();
          await(go);
          for (int b = 0; b < plan[thread].length; b++) {
            List<EventEnvelope> batch = new ArrayList<>(plan[thread][b]);
            for (int i = 0; i < plan[thread][b]; i++) {
              batch.add(envelope(thread, n++, random));
            }
            long t0 = System.nanoTime();
            log.append(batch);
            mine[b] = System.nanoTime() - t0;
          }
          latencies[thread] = mine;
        });
        w.start();
        workers.add(w);
      }
      ready.await();
      commitsBefore = log.commitCount();
      startNanos = System.nanoTime();
      go.countDown();
      for (Thread w : workers) {
        w.join();
      }
      elapsed = System.nanoTime() - startNanos;
      long commits = log.commitCount() - commitsBefore;
      long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
      long eventsPerSecond = (long) (total / (elapsed / 1e9));
      if (!dir.getFileName().toString().equals("warm-up")) {
        System.out.printf("segment log: %,d events/s; append p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
                + "%d group commits, %.0f events per fsync%n", eventsPerSecond, pct(all, 50), pct(all, 99),
            all[all.length - 1] / 1e6, commits, (double) total / commits);
      }
      long[] out = new long[all.length + 1];
      out[0] = eventsPerSecond;
      System.arraycopy(all, 0, out, 1, all.length);
      return out;
    }
  }

  /** One thread, the same frames, one write and one force per batch; only the write and force are timed. */
  private static long[] plainFileBaseline(Path file, int[][] plan) throws IOException {
    List<Long> perBatch = new ArrayList<>();
    long total = 0;
    long timed = 0;
    CRC32C crc = new CRC32C();
    long seq = 1;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      Random[] randoms = new Random[plan.length];
      int[] n = new int[plan.length];
      for (int t = 0; t < plan.length; t++) {
        randoms[t] = new Random(1000 + t);
      }
      int maxBatches = Arrays.stream(plan).mapToInt(p -> p.length).max().orElse(0);
      ByteBuffer buf = ByteBuffer.allocateDirect(4 << 20);
      for (int b = 0; b < maxBatches; b++) {
        for (int t = 0; t < plan.length; t++) {
          if (b >= plan[t].length) {
            continue;
          }
          buf.clear();
          for (int i = 0; i < plan[t][b]; i++) {
            PreparedRecord r = RecordCodec.prepare(envelope(t, n[t]++, randoms[t]), IdHash.DEFAULT);
            RecordCodec.writeFrame(buf, seq++, r.body(), crc);
          }
          buf.flip();
          long t0 = System.nanoTime();
          while (buf.hasRemaining()) {
            ch.write(buf);
          }
          ch.force(false);
          long took = System.nanoTime() - t0;
          timed += took;
          perBatch.add(took);
          total += plan[t][b];
        }
      }
    }
    long[] sorted = perBatch.stream().mapToLong(Long::longValue).sorted().toArray();
    long eventsPerSecond = (long) (total / (timed / 1e9));
    System.out.printf("baseline, plain file, one thread, write + force per batch: %,d events/s; "
        + "per batch p50 %.2f ms, p99 %.2f ms%n", eventsPerSecond, pct(sorted, 50), pct(sorted, 99));
    return new long[] {eventsPerSecond};
  }

  private static int[][] plan(int events, int threads, Random random) {
    int[][] plan = new int[threads][];
    int perThread = events / threads;
    for (int t = 0; t < threads; t++) {
      List<Integer> sizes = new ArrayList<>();
      for (int left = perThread + (t < events % threads ? 1 : 0); left > 0; ) {
        int size = Math.min(left, 100 + random.nextInt(401));
        sizes.add(size);
        left -= size;
      }
      plan[t] = sizes.stream().mapToInt(Integer::intValue).toArray();
    }
    return plan;
  }

  /** About 600 bytes encoded: a UUID-like message id, one of 200,000 visitors, a user id on 30% of events. */
  private static EventEnvelope envelope(int thread, int n, Random random) {
    // UUID.toString, not String.format: the generator should cost little next to what is measured
    String messageId = new UUID(((long) thread << 32) | n, random.nextLong()).toString();
    int visitor = random.nextInt(200_000);
    UserId user = random.nextInt(10) < 3 ? UserId.of("user-" + (visitor % 50_000)) : null;
    String json = "{\"messageId\":\"" + messageId + "\",\"type\":\"track\",\"event\":\"Product Viewed\","
        + "\"properties\":{\"product_id\":\"p-" + random.nextInt(10_000) + "\",\"sku\":\"SKU-" + random.nextInt(99_999)
        + "\",\"category\":\"Shoes/Running\",\"name\":\"Trail runner " + random.nextInt(500) + "\",\"price\":"
        + random.nextInt(200) + "." + random.nextInt(10) + random.nextInt(10) + ",\"currency\":\"EUR\",\"url\":\"https://shop.example/p/"
        + random.nextInt(10_000) + "\"},\"context\":{\"ip\":\"203.0.113." + random.nextInt(255)
        + "\",\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64) bench\",\"pad\":\"" + PADDING.substring(0, 60
        + random.nextInt(40)) + "\"}}";
    Instant at = T0.plusMillis(n * 37L);
    return new EventEnvelope(MessageId.of(messageId), EventType.TRACK, "Product Viewed",
        AnonymousId.of("anon-" + visitor), user, null, at, at.plusMillis(120), SOURCE,
        json.getBytes(StandardCharsets.UTF_8));
  }

  private static double pct(long[] sorted, int percentile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percentile / 100.0) - 1)] / 1e6;
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
