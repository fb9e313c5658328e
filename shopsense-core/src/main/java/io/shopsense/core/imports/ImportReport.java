package io.shopsense.core.imports;

import io.shopsense.api.id.SourceId;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What an import did. Rows are source rows (CSV records, JSONL lines); events are what went through the ingest path,
 * including events derived from rows counted elsewhere (such as one identify per customer) and one event per row
 * that could not be mapped. Products are the catalog's side.
 *
 * @param rowsRead             source rows read, over all inputs
 * @param bytesRead            bytes read from the inputs as given (compressed for gzip)
 * @param eventsProduced       events sent to the ingest path ({@code = accepted + duplicate + rejected})
 * @param rowsAccepted         rows whose content is now stored: in events the log stored, or in products the catalog
 *                             stored from a product row
 * @param rowsDuplicate        rows in events the log already had (a re-import)
 * @param rowsRejected         rows kept in the quarantine with their reason
 * @param rowsRejectedByReason rejected rows per reason code, e.g. {@code unmappable_row}
 * @param rowsRejectedByDetail rejected rows per reason and first violation (field path without indexes, message)
 * @param quarantined          quarantine entries written
 * @param productsUpserted     products the catalog stored (from product rows or derived from event rows)
 * @param productsRejected     products the catalog refused
 */
public record ImportReport(
    String preset,
    SourceId source,
    long rowsRead,
    long bytesRead,
    long eventsProduced,
    long eventsAccepted,
    long eventsDuplicate,
    long eventsRejected,
    long rowsAccepted,
    long rowsDuplicate,
    long rowsRejected,
    Map<String, Long> rowsRejectedByReason,
    Map<String, Long> rowsRejectedByDetail,
    long quarantined,
    long productsUpserted,
    long productsRejected,
    Duration elapsed) {

  public ImportReport {
    rowsRejectedByReason = Map.copyOf(rowsRejectedByReason);
    rowsRejectedByDetail = Map.copyOf(rowsRejectedByDetail);
  }

  /** Every row read is accounted for exactly once: accepted, duplicate or rejected. */
  public boolean reconciles() {
    return rowsRead == rowsAccepted + rowsDuplicate + rowsRejected
        && eventsProduced == eventsAccepted + eventsDuplicate + eventsRejected;
  }

  /** Source rows per second of wall-clock time, end to end. */
  public double rowsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : rowsRead / seconds;
  }

  /** A few lines for a person, as the CLI prints them after the progress bar. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "import %s as %s: %,d rows (%,d bytes) in %.1f s, %,.0f rows/s%n", preset,
        source, rowsRead, bytesRead, elapsed.toMillis() / 1000.0, rowsPerSecond()));
    s.append(String.format(Locale.ROOT, "  rows:     %,d accepted, %,d duplicate, %,d rejected -> %s%n", rowsAccepted,
        rowsDuplicate, rowsRejected, reconciles() ? "reconciles" : "DOES NOT RECONCILE"));
    s.append(String.format(Locale.ROOT, "  events:   %,d sent: %,d accepted, %,d duplicate, %,d rejected%n",
        eventsProduced, eventsAccepted, eventsDuplicate, eventsRejected));
    s.append(String.format(Locale.ROOT, "  products: %,d stored, %,d rejected%n", productsUpserted, productsRejected));
    if (rowsRejected > 0) {
      s.append(String.format(Locale.ROOT, "  rejected rows by reason (%,d quarantine entries):%n", quarantined));
      rowsRejectedByDetail.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
          .thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> s.append(String.format(Locale.ROOT, "    %,9d  %s%n", e.getValue(), e.getKey())));
    }
    return s.toString();
  }
}
