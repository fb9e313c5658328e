package io.shopsense.core.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.catalog.CatalogService;
import io.shopsense.core.catalog.ProductOutcome;
import io.shopsense.core.collect.BatchOutcome;
import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.collect.IngestRequest;
import io.shopsense.core.collect.Ingestor;
import io.shopsense.core.collect.Violation;
import io.shopsense.core.imports.internal.InputStreams;
import io.shopsense.core.imports.internal.InputStreams.CountingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs imports: streams the job's inputs through its preset and sends what comes out, in chunks, through the one
 * ingest path ({@link Ingestor}, historical mode, under the job's source) and the catalog ({@link CatalogService}).
 * Every event of one run carries the same {@code receivedAt}, the clock's time at the start. The calling thread reads
 * and maps; a worker thread of the run makes the ingest and catalog calls, chunk after chunk in order, so that
 * reading and validating overlap (see {@link ChunkWorker}).
 *
 * <p>Re-running a job is safe: presets derive message ids from the data, so a second run stores nothing twice in the
 * log (its rows come back as duplicates) and products are upserted again. Rows rejected the first time are
 * quarantined again, though: quarantine entries have no key to recognise them by. Thread-safe: each run has its own
 * state.
 *
 * <pre>{@code
 * Importer importer = new Importer(ingestor, catalogService, clock);
 * ImportJob job = ImportJob.of("online_retail", ImportJob.files(Path.of("online_retail.csv.gz")), Map.of());
 * ImportReport report = importer.run(job, (rows, bytes) -> bar.stepTo(bytes));
 * System.out.print(report.summary());
 * }</pre>
 */
public final class Importer {
  /**
   * The most events per ingest call, and products per catalog call; an event counts as many as the rows it stands
   * for, so that a chunk of big orders stays small in memory.
   */
  public static final int DEFAULT_CHUNK = 5_000;
  /** Chunks handed over but not yet ingested: enough to overlap reading and ingesting, few enough for the heap. */
  private static final int CHUNKS_IN_FLIGHT = 2;
  private static final int PROGRESS_EVERY_ROWS = 8_192;

  private final Ingestor ingestor;
  private final CatalogService catalog;
  private final Clock clock;
  private final int chunk;

  public Importer(Ingestor ingestor, CatalogService catalog, Clock clock) {
    this(ingestor, catalog, clock, DEFAULT_CHUNK);
  }

  public Importer(Ingestor ingestor, CatalogService catalog, Clock clock, int chunk) {
    if (chunk <= 0) {
      throw new IllegalArgumentException("chunk must be positive");
    }
    this.ingestor = ingestor;
    this.catalog = catalog;
    this.clock = clock;
    this.chunk = chunk;
  }

  /**
   * Runs the job to its end and reports what became of every row.
   *
   * @param progress told of rows and bytes read; {@link ImportProgress#NONE} when nobody watches
   * @throws IOException when an input cannot be read; the run stops, part of what was read may be ingested, and
   *                     running the job again stores nothing twice
   */
  public ImportReport run(ImportJob job, ImportProgress progress) throws IOException {
    long start = System.nanoTime();
    Run run = new Run(job, progress == null ? ImportProgress.NONE : progress);
    try {
      job.preset().read(job, run);
      run.finish();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      run.worker.close();
    }
    return run.tally.report(job.preset().id(), job.source(), run.rowsRead, run.bytesRead(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  private record PendingProduct(JsonNode json, String raw, String origin) {}

  /**
   * One run's side of the context. The importing thread reads, maps and fills the buffers; full buffers go to the
   * run's worker thread, which alone calls the ingest path and the catalog and writes the tally.
   */
  private final class Run implements ImportContext {
    private final ImportJob job;
    private final ImportProgress progress;
    private final IngestRequest request;
    private final ChunkWorker worker;
    private final ImportTally tally = new ImportTally();
    private final List<CountingInputStream> opened = new ArrayList<>();
    private List<IncomingEvent> events = new ArrayList<>();
    private List<PendingProduct> products = new ArrayList<>();
    private long eventsWeight;
    private long rowsRead;

    Run(ImportJob job, ImportProgress progress) {
      this.job = job;
      this.progress = progress;
      this.request = IngestRequest.historical(job.source(), clock.instant());
      this.worker = new ChunkWorker("shopsense-import-" + job.preset().id(), CHUNKS_IN_FLIGHT);
    }

    @Override
    public InputStream open(String input) throws IOException {
      Supplier<InputStream> supplier = job.inputs().get(input);
      if (supplier == null) {
        throw new IllegalArgumentException("the job has no input '" + input + "'; it has " + job.inputs().keySet());
      }
      CountingInputStream counted = new CountingInputStream(supplier.get());
      opened.add(counted);
      return InputStreams.decompressed(counted);
    }

    long bytesRead() {
      return opened.stream().mapToLong(CountingInputStream::count).sum();
    }

    @Override
    public void rowRead() {
      rowsRead++;
      if (rowsRead % PROGRESS_EVERY_ROWS == 0) {
        progress.progressed(rowsRead, bytesRead());
      }
    }

    @Override
    public void event(IncomingEvent event) {
      events.add(event);
      eventsWeight += Math.max(1, event.rows());
      if (eventsWeight >= chunk) {
        flushEvents();
      }
    }

    @Override
    public void product(JsonNode product, String raw, String origin) {
      products.add(new PendingProduct(product, raw, origin));
      if (products.size() >= chunk) {
        flushProducts();
      }
    }

    void finish() {
      flushProducts();
      flushEvents();
      worker.finish();
      progress.progressed(rowsRead, bytesRead());
    }

    private void flushEvents() {
      if (events.isEmpty()) {
        return;
      }
      List<IncomingEvent> batch = events;
      events = new ArrayList<>();
      eventsWeight = 0;
      worker.submit(() -> tally.add(ingestor.ingest(batch, request)));
      progress.progressed(rowsRead, bytesRead());
    }

    private void flushProducts() {
      if (products.isEmpty()) {
        return;
      }
      List<PendingProduct> batch = products;
      products = new ArrayList<>();
      worker.submit(() -> upsert(batch));
    }

    /** On the worker: stores the products; a product row the catalog refuses goes to the quarantine. */
    private void upsert(List<PendingProduct> batch) {
      List<ProductOutcome> outcomes = catalog.upsert(batch.stream().map(PendingProduct::json)
          .collect(Collectors.toList()));
      List<IncomingEvent> refusedRows = new ArrayList<>();
      for (int i = 0; i < outcomes.size(); i++) {
        PendingProduct p = batch.get(i);
        ProductOutcome o = outcomes.get(i);
        if (o.stored()) {
          tally.productStored(p.raw() == null ? 0 : 1);
        } else {
          tally.productRejected();
          if (p.raw() != null) {
            refusedRows.add(IncomingEvent.unmappable(p.raw(), "the catalog refused the product: "
                + o.violations().stream().map(Violation::toString).collect(Collectors.joining("; ")), p.origin()));
          }
        }
      }
      if (!refusedRows.isEmpty()) {
        tally.add(ingestor.ingest(refusedRows, request));
      }
    }
  }
}
