package io.shopsense.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.id.SourceId;
import io.shopsense.core.imports.ImportJob;
import io.shopsense.core.imports.ImportReport;
import io.shopsense.platform.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Loads history from files through the one ingest path: uploaded to a running server (a single file is read while it
 * uploads), or with {@code --offline} straight into a data directory no server is using.
 */
@Command(name = "import", description = {"Import history from CSV or JSONL files through the validation path.",
    "Presets: jsonl and csv (events), products (the catalog), customers (traits), online_retail (UCI Online",
    "Retail), olist (a folder of Olist tables).",
    "Example: shopsense import --preset online_retail ../shared/data/online_retail/online_retail.csv.gz"})
public class ImportCommand implements Callable<Integer> {
  @Mixin
  ServerOptions server;

  @Option(names = "--preset", required = true,
      description = "jsonl, csv, products, customers, online_retail or olist")
  String preset;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "files, or a folder (every file in it)")
  List<Path> paths;

  @Option(names = "--source", description = "the source the events are recorded under (default import:<preset>)")
  String source;

  @Option(names = {"-o", "--option"}, description = "a preset option, key=value (repeatable)")
  Map<String, String> options = new LinkedHashMap<>();

  @Option(names = "--offline", description = "import into --data-dir directly (no server may be running on it)")
  boolean offline;

  @Option(names = "--no-progress", description = "do not draw a progress bar")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    List<Path> files = files(paths);
    long total = 0;
    for (Path f : files) {
      total += Files.size(f);
    }
    if (offline) {
      return offline(files, total);
    }
    JsonNode report;
    try (ProgressBar bar = bar(total)) {
      report = upload(files, bar);
    }
    System.out.print(report.get("summary").asText());
    return report.get("reconciles").asBoolean() ? 0 : 2;
  }

  private Integer offline(List<Path> files, long total) throws IOException {
    Map<String, Supplier<InputStream>> inputs = ImportJob.files(files.toArray(Path[]::new));
    ImportJob job = ImportJob.of(preset, inputs, options);
    if (source != null) {
      job = job.withSource(SourceId.of(source));
    }
    ImportReport report;
    try (Platform platform = OfflinePlatform.open(server.dataDir()); ProgressBar bar = bar(total)) {
      report = platform.importer().run(job, (rows, bytes) -> bar.stepTo(bytes));
      OfflinePlatform.awaitPipeline(platform);
    }
    System.out.print(report.summary());
    return report.reconciles() ? 0 : 2;
  }

  private JsonNode upload(List<Path> files, ProgressBar bar) {
    StringBuilder path = new StringBuilder("/v1/imports?preset=").append(enc(preset));
    if (source != null) {
      path.append("&source=").append(enc(source));
    }
    options.forEach((k, v) -> path.append("&option.").append(enc(k)).append('=').append(enc(v)));
    ApiClient client = server.client();
    if (files.size() == 1) {
      Path f = files.get(0);
      path.append("&name=").append(enc(f.getFileName().toString()));
      return client.upload(path.toString(), "application/octet-stream", () -> counted(f, bar), Duration.ofHours(2));
    }
    Multipart multipart = new Multipart(files, f -> counted(f, bar));
    return client.upload(path.toString(), multipart.contentType(), multipart::stream, Duration.ofHours(2));
  }

  private ProgressBar bar(long total) {
    ProgressBarBuilder b = new ProgressBarBuilder().setTaskName("import " + preset).setInitialMax(total)
        .setUnit(" MB", 1024 * 1024).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
        .showSpeed().continuousUpdate();
    if (noProgress || System.console() == null) {
      b.setConsumer(new me.tongfei.progressbar.DelegatingProgressBarConsumer(s -> { }));
    }
    return b.build();
  }

  private static InputStream counted(Path f, ProgressBar bar) {
    try {
      return new java.io.FilterInputStream(Files.newInputStream(f)) {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, len);
          if (n > 0) {
            bar.stepBy(n);
          }
          return n;
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
  }

  static List<Path> files(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new CliException("no such file or folder: " + p);
      }
    }
    if (files.isEmpty()) {
      throw new CliException("no files to import in " + paths);
    }
    return files;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
