package io.shopsense.core.collect.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.collect.IsoTime;
import io.shopsense.core.collect.RejectReason;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parses the spec's timestamps: ISO-8601 date-times with a zone offset ({@code Z} or {@code +08:00}). */
final class Timestamps {
  private Timestamps() {}

  /** The instant in {@code field}, or null when absent; a bad value is reported and gives null. */
  static Instant parse(JsonNode parent, String field, Checks checks) {
    JsonNode n = parent.get(field);
    if (!Checks.present(n)) {
      return null;
    }
    if (!n.isTextual()) {
      checks.add(RejectReason.INVALID_TIMESTAMP, field, "expected an ISO-8601 date-time string");
      return null;
    }
    try {
      return IsoTime.parse(n.textValue().strip());
    } catch (DateTimeParseException e) {
      checks.add(RejectReason.INVALID_TIMESTAMP, field, "expected an ISO-8601 date-time with an offset");
      return null;
    }
  }
}
