package io.shopsense.server.web.collect;

import io.shopsense.core.collect.BatchOutcome;
import io.shopsense.core.collect.EventOutcome;
import io.shopsense.core.collect.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shape of ingest results: per event accepted / duplicate / rejected-with-reason. */
final class IngestResponses {
  private IngestResponses() {}

  static Map<String, Object> batch(BatchOutcome outcome) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("accepted", outcome.count(EventOutcome.Status.ACCEPTED));
    body.put("duplicates", outcome.count(EventOutcome.Status.DUPLICATE));
    body.put("rejected", outcome.count(EventOutcome.Status.REJECTED));
    body.put("results", outcome.events().stream().map(IngestResponses::event).toList());
    return body;
  }

  static Map<String, Object> event(EventOutcome e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", e.index());
    if (e.messageId() != null) {
      m.put("messageId", e.messageId());
    }
    m.put("status", e.status().name().toLowerCase(Locale.ROOT));
    if (e.status() == EventOutcome.Status.REJECTED) {
      m.put("reason", e.reason());
      m.put("violations", violations(e.violations()));
      if (e.quarantineId() != null) {
        m.put("quarantineId", e.quarantineId());
      }
    } else {
      m.put("seq", e.seq());
    }
    return m;
  }

  static List<Map<String, String>> violations(List<Violation> violations) {
    return violations.stream().map(v -> Map.of("reason", v.reason().code(), "path", v.path(), "message",
        v.message())).toList();
  }
}
