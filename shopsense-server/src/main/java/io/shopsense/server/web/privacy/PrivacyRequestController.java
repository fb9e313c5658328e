package io.shopsense.server.web.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.event.Properties;
import io.shopsense.api.privacy.PrivacyRequest;
import io.shopsense.api.privacy.ReportLine;
import io.shopsense.api.privacy.RequestStatus;
import io.shopsense.api.privacy.RequestType;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.core.privacy.NewPrivacyRequest;
import io.shopsense.core.privacy.PrivacyRequestService;
import io.shopsense.core.privacy.SubjectRef;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import io.shopsense.server.web.audit.AuditInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data-subject requests: submit one (access/export, rectification, erasure — handled at once, in the request: an
 * erasure answers when everything is erased; or held as received until processed), list them (by status, the overdue
 * ones), read one with its completion report, download an access request's archive (generated on each download,
 * never stored), and process a held request or run again an erasure that failed half-way.
 */
@RestController
@RequestMapping(path = "/v1/privacy/requests", produces = MediaType.APPLICATION_JSON_VALUE)
public class PrivacyRequestController {
  private static final int MAX_LIMIT = 1000;
  private final Platform platform;

  public PrivacyRequestController(Platform platform) {
    this.platform = platform;
  }

  private PrivacyRequestService service() {
    return platform.privacyRequests();
  }

  /**
   * {@code {"type": "access"|"export"|"rectification"|"erasure", "subject": {"email": "…"}, "traits": {…},
   * "hold": false}}: 201 with the request as handled (completed, or rejected with the reason when no one is known by
   * the subject); with {@code "hold": true} (access, erasure) it is recorded as received, to be handled by
   * {@code POST /{id}/process} once the privacy officer has verified who asked.
   */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> submit(@RequestBody JsonNode body, HttpServletRequest http)
      throws Exception {
    if (body == null || !body.isObject()) {
      throw ApiProblem.badRequest("invalid_request", "the body must be a JSON object");
    }
    JsonNode typeNode = body.get("type");
    RequestType type = RequestType.fromWire(typeNode != null && typeNode.isTextual() ? typeNode.asText() : null)
        .orElseThrow(() -> ApiProblem.badRequest("invalid_request",
            "type must be one of access, export, rectification, erasure"));
    JsonNode subject = body.get("subject");
    if (subject == null || !subject.isObject()) {
      throw ApiProblem.badRequest("invalid_request",
          "subject must be an object with one of userId, anonymousId, email, phone, personId");
    }
    List<String> known = List.of("userId", "anonymousId", "email", "phone", "personId");
    subject.fieldNames().forEachRemaining(f -> {
      if (!known.contains(f)) {
        throw ApiProblem.badRequest("invalid_request", "unknown subject field " + f + "; known: " + known);
      }
    });
    SubjectRef ref = SubjectRef.of(text(subject, "userId"), text(subject, "anonymousId"), text(subject, "email"),
        text(subject, "phone"), text(subject, "personId"));
    JsonNode traits = body.get("traits");
    if (traits != null && !traits.isNull() && !traits.isObject()) {
      throw ApiProblem.badRequest("invalid_request", "traits must be an object");
    }
    Properties corrected = traits == null || traits.isNull() ? Properties.EMPTY : JsonCodec.toProperties(traits);
    JsonNode hold = body.get("hold");
    if (hold != null && !hold.isBoolean() && !hold.isNull()) {
      throw ApiProblem.badRequest("invalid_request", "hold must be true or false");
    }
    PrivacyRequest done = service().submit(new NewPrivacyRequest(type, ref, corrected,
        hold != null && hold.asBoolean()));
    // the audit log names the request (a random id), never the subject
    http.setAttribute(AuditInterceptor.TARGET, done.id());
    return ResponseEntity.status(HttpStatus.CREATED)
        .header(HttpHeaders.LOCATION, "/v1/privacy/requests/" + done.id()).body(view(done, service().now()));
  }

  /** Requests in receipt order; {@code status} filters, {@code overdue=true} keeps the open ones past deadline. */
  @GetMapping
  public Map<String, Object> list(@RequestParam(required = false) String status,
      @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiProblem.badRequest("invalid_parameter", "limit must be between 1 and " + MAX_LIMIT);
    }
    RequestStatus s = status == null ? null : RequestStatus.fromWire(status).orElseThrow(() ->
        ApiProblem.badRequest("invalid_parameter", "status must be one of received, in_progress, completed, rejected"));
    if (after != null && service().find(after).isEmpty()) {
      throw ApiProblem.badRequest("invalid_parameter", "after must be the id of a request");
    }
    List<PrivacyRequest> page = service().list(s, overdue, after, limit);
    Instant now = service().now();
    List<Map<String, Object>> items = new ArrayList<>();
    page.forEach(r -> items.add(view(r, now)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", items);
    out.put("next", page.size() == limit ? page.get(page.size() - 1).id() : null);
    return out;
  }

  @GetMapping("/{id}")
  public Map<String, Object> get(@PathVariable String id) {
    return view(found(id), service().now());
  }

  /** Handles an open request (held, or an erasure that failed half-way); a closed one is returned as it is. */
  @PostMapping("/{id}/process")
  public Map<String, Object> process(@PathVariable String id) throws Exception {
    found(id);
    return view(service().process(id), service().now());
  }

  /** The zip of a completed access request: a README, and JSON and CSV for each section. */
  @GetMapping(path = "/{id}/archive", produces = {"application/zip", MediaType.APPLICATION_JSON_VALUE})
  public ResponseEntity<byte[]> archive(@PathVariable String id, HttpServletResponse response) throws Exception {
    PrivacyRequest r = found(id);
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try {
      service().writeArchive(r.id(), zip);
    } catch (IllegalStateException e) {
      throw new ApiProblem(HttpStatus.CONFLICT, "no_archive", e.getMessage());
    } catch (NoSuchElementException e) {
      throw ApiProblem.notFound("privacy request");
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + r.id() + ".zip\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store").body(zip.toByteArray());
  }

  private PrivacyRequest found(String id) {
    return service().find(id).orElseThrow(() -> ApiProblem.notFound("privacy request"));
  }

  private static String text(JsonNode subject, String field) {
    JsonNode n = subject.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw ApiProblem.badRequest("invalid_request", "subject." + field + " must be text");
    }
    return n.asText();
  }

  static Map<String, Object> view(PrivacyRequest r, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("type", r.type().wireName());
    m.put("subject", r.subject());
    m.put("person", r.person() == null ? null : r.person().value());
    m.put("status", r.status().wireName());
    m.put("reason", r.reason());
    m.put("receivedAt", r.receivedAt().toString());
    m.put("deadline", r.deadline().toString());
    m.put("overdue", r.overdue(now));
    m.put("completedAt", r.completedAt() == null ? null : r.completedAt().toString());
    List<Map<String, Object>> report = new ArrayList<>();
    for (ReportLine l : r.report()) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("step", l.step());
      line.put("where", l.where());
      line.put("count", l.count());
      line.put("outcome", l.outcome().name().toLowerCase(java.util.Locale.ROOT));
      line.put("detail", l.detail());
      report.add(line);
    }
    m.put("report", report);
    if (r.type() == RequestType.ACCESS && r.status() == RequestStatus.COMPLETED) {
      m.put("archive", "/v1/privacy/requests/" + r.id() + "/archive");
    }
    return m;
  }
}
