package io.shopsense.core.imports;

import io.shopsense.api.id.SourceId;
import io.shopsense.core.collect.BatchOutcome;
import io.shopsense.core.collect.EventOutcome;
import io.shopsense.core.collect.Violation;
import java.time.Duration;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Adds up the outcomes of one import's ingest and catalog calls into its report. */
final class ImportTally {
  private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

  private long eventsAccepted;
  private long eventsDuplicate;
  private long eventsRejected;
  private long rowsAccepted;
  private long rowsDuplicate;
  private long rowsRejected;
  private long quarantined;
  private long productsUpserted;
  private long productsRejected;
  private final TreeMap<String, Long> byReason = new TreeMap<>();
  private final TreeMap<String, Long> byDetail = new TreeMap<>();

  void add(BatchOutcome batch) {
    for (EventOutcome o : batch.events()) {
      switch (o.status()) {
        case ACCEPTED -> {
          eventsAccepted++;
          rowsAccepted += o.rows();
        }
        case DUPLICATE -> {
          eventsDuplicate++;
          rowsDuplicate += o.rows();
        }
        default -> {
          eventsRejected++;
          rowsRejected += o.rows();
          if (o.quarantineId() != null) {
            quarantined++;
          }
          if (o.rows() > 0) {
            byReason.merge(o.reason(), (long) o.rows(), Long::sum);
            byDetail.merge(detail(o), (long) o.rows(), Long::sum);
          }
        }
      }
    }
  }

  /** A product the catalog stored; {@code rows} is 1 when it stands for a product row, else 0. */
  void productStored(int rows) {
    productsUpserted++;
    rowsAccepted += rows;
  }

  /** A product the catalog refused (its row, if any, is sent to the quarantine and counted there). */
  void productRejected() {
    productsRejected++;
  }

  long eventsIngested() {
    return eventsAccepted + eventsDuplicate + eventsRejected;
  }

  private static String detail(EventOutcome o) {
    if (o.violations().isEmpty()) {
      return o.reason();
    }
    Violation v = o.violations().get(0);
    String path = INDEX.matcher(v.path()).replaceAll("[]");
    return o.reason() + " - " + (path.isEmpty() ? v.message() : path + ": " + v.message());
  }

  ImportReport report(String preset, SourceId source, long rowsRead, long bytesRead, Duration elapsed) {
    return new ImportReport(preset, source, rowsRead, bytesRead, eventsIngested(), eventsAccepted, eventsDuplicate,
        eventsRejected, rowsAccepted, rowsDuplicate, rowsRejected, byReason, byDetail, quarantined, productsUpserted,
        productsRejected, elapsed);
  }
}
