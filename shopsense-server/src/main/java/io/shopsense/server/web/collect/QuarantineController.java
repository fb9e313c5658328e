package io.shopsense.server.web.collect;

import io.shopsense.api.Slice;
import io.shopsense.api.collect.QuarantineEntry;
import io.shopsense.api.collect.QuarantineQuery;
import io.shopsense.api.collect.QuarantineStatus;
import io.shopsense.api.id.SourceId;
import io.shopsense.core.collect.QuarantineService.ReplayResult;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import io.shopsense.server.web.BodyReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The quarantine: list rejected records, read one, fix it, replay it through the ingest path, or discard it. */
@RestController
@RequestMapping(path = "/v1/quarantine", produces = MediaType.APPLICATION_JSON_VALUE)
public class QuarantineController {
  private static final int MAX_FIX_BYTES = 1024 * 1024;
  private final Platform platform;

  public QuarantineController(Platform platform) {
    this.platform = platform;
  }

  @GetMapping
  public Map<String, Object> list(@RequestParam(defaultValue = "pending") String status,
      @RequestParam(required = false) String reason, @RequestParam(required = false) String source,
      @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
    Slice<QuarantineEntry> slice = platform.quarantine().list(query(status, reason, source, after, limit));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", slice.items());
    body.put("next", slice.next());
    body.put("counts", platform.stores().quarantine().countByStatus());
    return body;
  }

  @GetMapping("/{id}")
  public QuarantineEntry get(@PathVariable long id) {
    return platform.quarantine().find(id).orElseThrow(() -> ApiProblem.notFound("quarantine entry " + id));
  }

  /** Replaces the record with a fix: the whole event as JSON, as the body. */
  @PutMapping("/{id}")
  public QuarantineEntry fix(@PathVariable long id, HttpServletRequest request) throws IOException {
    BodyReader.requireJson(request);
    get(id);
    String raw = new String(BodyReader.read(request, MAX_FIX_BYTES), StandardCharsets.UTF_8);
    return platform.quarantine().fix(id, raw);
  }

  @PostMapping("/{id}/replay")
  public ResponseEntity<ReplayResult> replay(@PathVariable long id) {
    ReplayResult result = platform.quarantine().replay(id);
    return switch (result.status()) {
      case NOT_FOUND -> throw ApiProblem.notFound("quarantine entry " + id);
      case NOT_PENDING -> throw new ApiProblem(HttpStatus.CONFLICT, "not_pending",
          "entry " + id + " was already replayed or discarded");
      case STILL_REJECTED -> ResponseEntity.unprocessableEntity().body(result);
      default -> ResponseEntity.ok(result);
    };
  }

  /** Replays every pending entry that matches the filter, up to {@code limit}. */
  @PostMapping("/replay")
  public Map<String, Object> replayAll(@RequestParam(required = false) String reason,
      @RequestParam(required = false) String source, @RequestParam(defaultValue = "1000") int limit) {
    List<ReplayResult> results = platform.quarantine().replayAll(query("pending", reason, source, 0, limit));
    Map<String, Long> counts = new LinkedHashMap<>();
    results.forEach(r -> counts.merge(r.status().name().toLowerCase(Locale.ROOT), 1L, Long::sum));
    return Map.of("counts", counts, "results", results);
  }

  public record Discard(String note) {}

  @PostMapping("/{id}/discard")
  public QuarantineEntry discard(@PathVariable long id, @RequestBody(required = false) Discard body) {
    get(id);
    platform.quarantine().discard(id, body == null ? "" : body.note());
    return get(id);
  }

  private static QuarantineQuery query(String status, String reason, String source, long after, int limit) {
    if (limit < 1 || limit > 10_000) {
      throw ApiProblem.badRequest("invalid_parameter", "limit must be between 1 and 10000");
    }
    QuarantineStatus s = null;
    if (!"all".equalsIgnoreCase(status)) {
      try {
        s = QuarantineStatus.valueOf(status.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badRequest("invalid_parameter", "status is one of pending, replayed, discarded, all");
      }
    }
    return new QuarantineQuery(s, blankToNull(reason), source == null || source.isBlank() ? null
        : SourceId.of(source), after, limit);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
