package io.shopsense.core.imports;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Imports the real Online Retail file into the in-memory stores and prints rows per second: the cost of reading,
 * mapping and validating, without a real store. The baseline, measured in the same process, is reading the same
 * file with FastCSV and doing nothing with the rows. Not a test: run its {@code main} with the test class path, e.g.
 * {@code java -cp <core test class path> io.shopsense.core.imports.OnlineRetailImportBench [file] [rounds] [window]}.
 */
public final class OnlineRetailImportBench {
  private OnlineRetailImportBench() {}

  public static void main(String[] args) throws IOException {
    Path file = args.length > 0 ? Path.of(args[0]) : RealData.folder().resolve("online_retail/online_retail.csv.gz");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Map<String, String> options = args.length > 2 ? Map.of("window", args[2]) : Map.of();
    if (!Files.exists(file)) {
      System.err.println("no data at " + file + "; set SHOPSENSE_DATA or pass the file");
      System.exit(2);
    }
    System.out.printf(Locale.ROOT, "%d processors; load average %.2f%n", Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (int round = 1; round <= rounds; round++) {
      long start = System.nanoTime();
      long rows = readOnly(file);
      double baseline = rows / ((System.nanoTime() - start) / 1e9);
      InMemoryStores stores = new InMemoryStores();
      long cpuBefore = processCpuNanos();
      ImportReport r = stores.importer.run(ImportJob.of("online_retail", ImportJob.files(file), options),
          ImportProgress.NONE);
      double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
      System.out.printf(Locale.ROOT, "round %d: import %,.0f rows/s wall (%,d rows in %.2f s, reconciles=%s), "
          + "%.2f s process CPU = %,.0f rows per CPU-second; baseline FastCSV read only %,.0f rows/s; "
          + "import/baseline %.2f%n", round, r.rowsPerSecond(), r.rowsRead(), r.elapsed().toNanos() / 1e9,
          r.reconciles(), cpuSeconds, r.rowsRead() / cpuSeconds, baseline, r.rowsPerSecond() / baseline);
    }
  }

  /** CPU time of the whole process (all threads, GC and JIT included): a figure that other load does not skew. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long readOnly(Path file) throws IOException {
    long rows = 0;
    long chars = 0;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
        CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in, StandardCharsets.UTF_8)) {
      for (CsvRecord r : csv) {
        rows++;
        chars += r.getField(0).length();
      }
    }
    return chars < 0 ? 0 : rows - 1;
  }
}
