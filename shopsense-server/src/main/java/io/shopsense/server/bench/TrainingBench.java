package io.shopsense.server.bench;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.Interactions;
import io.shopsense.demo.DemoSettings;
import io.shopsense.demo.DemoShop;
import io.shopsense.server.cli.EvalData;
import io.shopsense.server.cli.GeneratedInteractions;
import io.shopsense.server.cli.PeakHeap;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shopsense bench training}: training time and heap per recommendation model on generated shops. For each
 * {@code --events} size the shop is generated once ({@link GeneratedInteractions}, seeded) and its interaction
 * records written to a file; then every model trains in a JVM of its own ({@code -Xmx --heap}, young generation
 * capped at {@code --young} so that the sampled peak carries little uncollected garbage, parallel GC), which reads the
 * file, prepares the model's input, and measures the training alone with {@link PeakHeap}. A JVM per model keeps one
 * model's garbage, heap sizing and JIT state out of the next one's figures. The baseline row, measured the same way
 * in the same run, is building the person × item matrix that the collaborative models train on.
 */
@Command(name = "training", description = "Training time and peak heap per recommendation model, one JVM each.")
public class TrainingBench implements Callable<Integer> {
  @Option(names = "--events", defaultValue = "1000000", split = ",",
      description = "generated shop sizes in events, e.g. 1000000,10000000 (default: ${DEFAULT-VALUE})")
  List<Long> events;

  @Option(names = "--models", split = ",", description = "models to train (default: all of matrix, popularity,"
      + " item-knn, ease, als, session-knn, bought-together, repeat-purchase, hybrid)")
  List<String> models;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(names = "--heap", defaultValue = "8g", description = "-Xmx of each model's JVM (default: ${DEFAULT-VALUE})")
  String heap;

  @Option(names = "--young", defaultValue = "256m",
      description = "-Xmn of each model's JVM (default: ${DEFAULT-VALUE})")
  String young;

  @Option(names = "--work-dir", defaultValue = "./data/bench-training")
  Path workDir;

  @Option(names = "--worker", hidden = true, description = "internal: train this one model in this JVM")
  String worker;

  @Option(names = "--records", hidden = true, description = "internal: the worker's interaction file")
  Path records;

  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

  @Override
  public Integer call() throws Exception {
    if (worker != null) {
      return work();
    }
    List<TrainingJob> jobs = new ArrayList<>();
    for (String label : models == null ? TrainingJob.labels() : models) {
      jobs.add(TrainingJob.of(label));
    }
    Files.createDirectories(workDir);
    System.out.printf(Locale.ROOT, "load average at the start: %.1f (other processes share these cores)%n",
        loadAverage());
    for (long size : events) {
      Path file = workDir.resolve("interactions-" + size + "-seed" + seed + ".bin").toAbsolutePath();
      prepare(size, file);
      TrainingTable table = new TrainingTable();
      for (TrainingJob job : jobs) {
        TrainingTable.Row row = fork(job, file);
        System.out.println("  " + row.text());
        table.add(row);
      }
      System.out.printf(Locale.ROOT, "%n%,d generated events (seed %d); each model in its own JVM: java -Xmx%s -Xmn%s"
          + " -XX:+UseParallelGC, %d cores; load average now %.1f%n%n", size, seed, heap, young,
          Runtime.getRuntime().availableProcessors(), loadAverage());
      System.out.print(table.markdown());
      System.out.println();
    }
    return 0;
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** Generates the shop and writes its interactions to {@code file}, unless a previous run did. */
  private void prepare(long size, Path file) throws Exception {
    long t0 = System.nanoTime();
    if (!Files.exists(file)) {
      EvalData data = GeneratedInteractions.of(DemoShop.of(DemoSettings.of(seed, size, NOW)));
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      InteractionFile.write(partial, data.records());
      Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      System.out.printf(Locale.ROOT, "generated %,d events: %,d interaction records, %,d catalog items (%.0f s)%n",
          size, data.records().size(), data.catalog().size(), (System.nanoTime() - t0) / 1e9);
    } else {
      System.out.printf(Locale.ROOT, "%,d events: reusing %s%n", size, file);
    }
  }

  private TrainingTable.Row fork(TrainingJob job, Path file) throws Exception {
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
        "-Xmn" + young, "-XX:+UseParallelGC", "-jar", BenchServer.ownJar().toString(), "bench", "training",
        "--worker", job.label, "--records", file.toString());
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    TrainingTable.Row row = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (TrainingTable.Row.isResult(line)) {
          row = TrainingTable.Row.parse(line);
        } else {
          System.out.println("    [" + job.label + "] " + line);
        }
      }
    }
    int exit = p.waitFor();
    if (row == null) {
      return TrainingTable.Row.failed(job.label, "its JVM exited with " + exit + " (see above)");
    }
    return row;
  }

  /** In the model's own JVM: read, prepare, measure, print one result line. */
  private int work() throws Exception {
    TrainingJob job = TrainingJob.of(worker);
    long t0 = System.nanoTime();
    List<Interaction> all = InteractionFile.read(records);
    System.out.printf(Locale.ROOT, "read %,d records in %.1f s%n", all.size(), (System.nanoTime() - t0) / 1e9);
    Supplier<Object> task;
    try {
      task = job.prepare(all);
    } catch (IllegalArgumentException e) {
      System.out.println(TrainingTable.Row.failed(job.label, "n/a, " + e.getMessage()).line());
      return 0;
    }
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long[] cpu = new long[1];
    // CPU is counted inside the task, so that the collections PeakHeap forces around it do not count
    PeakHeap.Measured<Object> m = PeakHeap.measure(() -> {
      long cpu0 = os.getProcessCpuTime();
      Object trained = task.get();
      cpu[0] = os.getProcessCpuTime() - cpu0;
      return trained;
    });
    String note = m.value() instanceof Interactions matrix ? String.format(Locale.ROOT,
        "%,d persons × %,d items, %,d cells", matrix.userCount(), matrix.itemCount(), matrix.cellCount())
        : job == TrainingJob.HYBRID ? "members: " + TrainingJob.hybridMembers(TrainingInputs.matrix(all).itemCount())
        : "";
    System.out.println(new TrainingTable.Row(job.label, m.nanos(), cpu[0], m.peakBytes(), m.afterGcBytes(),
        m.retainedBytes(), note).line());
    return 0;
  }
}
