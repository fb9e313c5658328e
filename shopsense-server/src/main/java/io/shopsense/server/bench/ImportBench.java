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
 * while it arrives, maps it, validates every event and stores it durably. Each run first imports a copy of the file
 * whose invoice numbers are shifted (so that every row of it is new too) — the figure of a cold server — waits for the
 * pipeline, then imports the file itself into the now warm server. The baseline, in the same run, is the bare cost of
 * reading the same file: gunzip and CSV parsing of every row, nothing else.
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
    Files.createDirectories(workDir);
    Path shifted = Files.createTempFile(workDir, "shifted-", ".csv.gz");
    boolean ok = true;
    try {
      shift(f, shifted);
      for (int run = 1; run <= runs; run++) {
        double[] baseline = baseline(f);
        try (BenchServer server = BenchServer.start(workDir, heap,
            IngestBench.consentArgs(false, List.of()))) {
          ApiClient client = new ApiClient(server.url, server.adminKey);
          JsonNode cold = upload(client, shifted, f.getFileName().toString());
          awaitPipeline(server);
          long t0 = System.nanoTime();
          JsonNode report = upload(client, f, f.getFileName().toString());
          double wall = (System.nanoTime() - t0) / 1e9;
          long rows = report.get("rowsRead").asLong();
          System.out.printf(Locale.ROOT, "run %d: cold server %,d rows/s; warm server %,d rows in %.2f s end to end = "
              + "%,.0f rows/s (server-side %,d rows/s); baseline parse-only %,.0f rows/s (%.2f s); ratio %.2f; %s%n",
              run, cold.get("rowsPerSecond").asLong(), rows, wall, rows / wall, report.get("rowsPerSecond").asLong(),
              baseline[1], baseline[0], (rows / wall) / baseline[1],
              report.get("reconciles").asBoolean() && cold.get("reconciles").asBoolean() ? "reconciles"
                  : "DOES NOT RECONCILE");
          if (run == runs) {
            System.out.print(report.get("summary").asText());
          }
          ok &= report.get("reconciles").asBoolean() && report.get("rowsDuplicate").asLong() == 0;
        }
      }
    } finally {
      Files.deleteIfExists(shifted);
    }
    return ok ? 0 : 2;
  }

  private JsonNode upload(ApiClient client, Path file, String name) {
    return client.upload("/v1/imports?preset=" + preset + "&name=" + name, "application/octet-stream",
        () -> open(file), Duration.ofHours(1));
  }

  /** A copy of the file with every invoice number shifted ({@code 536365} → {@code 9536365}, {@code C536379} → {@code C9536379}). */
  static void shift(Path from, Path to) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(from), 1 << 16);
        java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        java.io.Writer w = new java.io.OutputStreamWriter(new java.util.zip.GZIPOutputStream(
            Files.newOutputStream(to), 1 << 16), StandardCharsets.UTF_8)) {
      w.write(r.readLine());
      w.write('\n');
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        char c = line.charAt(0);
        w.write(Character.isDigit(c) ? "9" + line : c + "9" + line.substring(1));
        w.write('\n');
      }
    }
  }

  private static void awaitPipeline(BenchServer server) throws Exception {
    long deadline = System.nanoTime() + 600_000_000_000L;
    while (System.nanoTime() < deadline) {
      boolean caughtUp = true;
      for (JsonNode c : server.get("/v1/pipeline").get("consumers")) {
        caughtUp &= c.get("lag").asLong() == 0;
      }
      if (caughtUp) {
        return;
      }
      Thread.sleep(200);
    }
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
