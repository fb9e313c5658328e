package io.shopsense.server.web.audit;

import io.shopsense.api.audit.AuditEntry;
import io.shopsense.api.audit.AuditQuery;
import io.shopsense.core.audit.AuditVerification;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for the privacy officer: entries filtered by time, actor and action, and the chain's verification. */
@RestController
@RequestMapping(path = "/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
public class AuditController {
  private final Platform platform;

  public AuditController(Platform platform) {
    this.platform = platform;
  }

  /** Entries oldest first; {@code from}/{@code to} are ISO-8601 instants, {@code after} the cursor of the last page. */
  @GetMapping
  public Map<String, Object> list(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action, @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ApiProblem.badRequest("invalid_parameter", "limit must be between 1 and 1000");
    }
    if (after < 0) {
      throw ApiProblem.badRequest("invalid_parameter", "after must not be negative");
    }
    List<AuditEntry> entries = platform.audit().find(new AuditQuery(instant(from, "from"), instant(to, "to"),
        blankToNull(actor), blankToNull(action), after, limit));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", entries.stream().map(AuditController::view).toList());
    out.put("next", entries.size() == limit ? String.valueOf(entries.get(entries.size() - 1).seq()) : null);
    return out;
  }

  /** Recomputes the whole chain; {@code intact} false names the first broken entry and why. */
  @GetMapping("/verify")
  public Map<String, Object> verify() {
    AuditVerification v = platform.audit().verify();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("intact", v.intact());
    if (v instanceof AuditVerification.Intact i) {
      out.put("entries", i.entries());
      out.put("headHash", i.headHash());
    } else if (v instanceof AuditVerification.Broken b) {
      out.put("brokenAt", b.seq());
      out.put("reason", b.reason().name());
      out.put("detail", b.detail());
    }
    return out;
  }

  static Map<String, Object> view(AuditEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", e.seq());
    m.put("at", e.record().at().toString());
    m.put("actor", e.record().actor());
    m.put("action", e.record().action());
    m.put("target", e.record().target());
    m.put("outcome", e.record().outcome());
    m.put("hash", e.hash());
    return m;
  }

  private static Instant instant(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest("invalid_parameter", "parameter '" + name
          + "' must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
