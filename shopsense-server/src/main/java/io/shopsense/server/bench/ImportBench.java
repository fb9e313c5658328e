package io.shopsense.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.shopsense.server.cli.ApiClient;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Bulk import end to end: the file uploaded by this process to a fresh server in another process, which reads it
 * while it arrives, maps it, validates every event and stores it durably. The baseline, in the same run, is the
 * bare cost of reading the same file: gunzip and CSV parsing of every row, nothing else.
 */
@Command(name = "import", description = "Bulk import of the Online Retail file end to end, against a parse-only baseline.")
public class ImportBench implements Callable<Integer> {
  @Option(names = "--file", description = "the file (default: $SHOPSENSE_DATA/online_retail/online_retail.csv.gz, "
      + "else ../shared/data/...)")
  Path file;

  @Option(names = "--preset", defaultValue = "online_retail")
  String preset;

  @Option(names = "--runs", defaultValue = "3", description = "imports, each into a fresh server (default: ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--work-dir", defaultValue = "./data/bench")
  Path workDir;

  @Option(names = "--server-heap", defaultValue = "2g")
  String heap;

  @Override
  public Integer call() throws Exception {
    Path f = file != null ? file : defaultFile();
    System.out.printf(Locale.ROOT, "bench import: %s (%,d bytes), preset %s, %d cores%n", f, Files.size(f), preset,
        Runtime.getRuntime().availableProcessors());
    boolean ok = true;
    for (int run = 1; run <= runs; run++) {
      double[] baseline = baseline(f);
      try (BenchServer server = BenchServer.start(workDir, heap, List.of())) {
        ApiClient client = new ApiClient(server.url, server.adminKey);
        long t0 = System.nanoTime();
        JsonNode report = client.upload("/v1/imports?preset=" + preset + "&name=" + f.getFileName(),
            "application/octet-stream", () -> open(f), Duration.ofHours(1));
        double wall = (System.nanoTime() - t0) / 1e9;
        long rows = report.get("rowsRead").asLong();
        System.out.printf(Locale.ROOT, "run %d: %,d rows in %.2f s end to end = %,.0f rows/s (server-side %,d rows/s);"
            + " baseline parse-only %,.0f rows/s (%.2f s); ratio %.2f; %s%n", run, rows, wall, rows / wall,
            report.get("rowsPerSecond").asLong(), baseline[1], baseline[0], (rows / wall) / baseline[1],
            report.get("reconciles").asBoolean() ? "reconciles" : "DOES NOT RECONCILE");
        if (run == runs) {
          System.out.print(report.get("summary").asText());
        }
        ok &= report.get("reconciles").asBoolean();
      }
    }
    return ok ? 0 : 2;
  }

  /** Seconds and rows per second to gunzip and parse every row. */
  private static double[] baseline(Path f) throws IOException {
    long t0 = System.nanoTime();
    long rows = 0;
    try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(f), 1 << 16), 1 << 16);
        CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in, StandardCharsets.UTF_8)) {
      for (CsvRecord r : csv) {
        rows += r.getFieldCount() > 0 ? 1 : 0;
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new double[] {seconds, (rows - 1) / seconds};
  }

  private static InputStream open(Path f) {
    try {
      return Files.newInputStream(f);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Path defaultFile() {
    String data = System.getenv("SHOPSENSE_DATA");
    Path base = data != null ? Path.of(data) : Path.of("..", "shared", "data");
    Path f = base.resolve("online_retail").resolve("online_retail.csv.gz");
    if (!Files.isRegularFile(f)) {
      throw new IllegalArgumentException("no Online Retail file at " + f + "; pass --file or set SHOPSENSE_DATA");
    }
    return f;
  }
}
