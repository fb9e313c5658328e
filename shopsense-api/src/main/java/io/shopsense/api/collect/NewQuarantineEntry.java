package io.shopsense.api.collect;

import io.shopsense.api.id.SourceId;
import java.time.Instant;

/**
 * A rejected record to keep.
 *
 * @param raw    the record whole, as received (an event's JSON, a CSV row, a malformed body)
 * @param reason a short machine-readable reason code, such as {@code missing_field}
 * @param detail what exactly is wrong, for a person (field paths, never the field values)
 * @param origin where it came from, such as {@code POST /v1/batch [3]} or {@code import online_retail.csv line 17}
 */
public record NewQuarantineEntry(SourceId source, Instant receivedAt, String reason, String detail, String raw,
    String origin) {
  public NewQuarantineEntry {
    if (source == null || receivedAt == null || reason == null || raw == null) {
      throw new IllegalArgumentException("source, receivedAt, reason and raw are required");
    }
    detail = detail == null ? "" : detail;
    origin = origin == null ? "" : origin;
  }
}
