package io.shopsense.server.web.segment;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.Slice;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.profile.ProfileFacts;
import io.shopsense.api.profile.SegmentDefinition;
import io.shopsense.core.profile.SegmentRules;
import io.shopsense.core.profile.SegmentService;
import io.shopsense.core.segment.ProfileFields;
import io.shopsense.core.segment.RuleSyntaxException;
import io.shopsense.core.segment.SegmentIds;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Segments: create or change one ({@code PUT}, the rule in its text form as {@code rule} or its JSON form as
 * {@code ruleJson}), list, read, delete, preview a rule's size and a sample before saving it, export the members as
 * JSON pages or a CSV file, and read a segment's size history. A rule that does not parse is refused with the line and
 * column of the mistake.
 */
@RestController
@RequestMapping(path = "/v1/segments", produces = MediaType.APPLICATION_JSON_VALUE)
public class SegmentController {
  private final Platform platform;
  private final io.shopsense.server.web.crypto.AnalystView analysts;

  public SegmentController(Platform platform, io.shopsense.server.web.crypto.AnalystView analysts) {
    this.platform = platform;
    this.analysts = analysts;
  }

  @GetMapping
  public Map<String, Object> list() {
    return Map.of("items", segments().definitions().stream().map(this::view).toList());
  }

  /** The fields and functions a rule may use. */
  @GetMapping("/fields")
  public Map<String, Object> fields() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("fields", ProfileFields.all());
    out.put("traits", ProfileFields.TRAITS_PREFIX + "<name>");
    out.put("functions", List.of("interest('category:<name>')", "count(event = '<name>', within = 30d)",
        "sum(revenue|units, event = '<name>', within = 90d)", "days_since(<time field>)", "in_segment('<id>')"));
    return out;
  }

  @GetMapping("/{id}")
  public Map<String, Object> get(@PathVariable String id) {
    return view(definition(id));
  }

  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> save(@PathVariable String id, @RequestBody JsonNode body,
      HttpServletResponse response) {
    boolean existed = segments().definition(id).isPresent();
    String rule = rule(body);
    SegmentDefinition saved;
    try {
      saved = segments().save(id, text(body, "name"), text(body, "description"), rule);
    } catch (RuleSyntaxException e) {
      throw invalidRule(e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw ApiProblem.badRequest("invalid_segment", e.getMessage());
    }
    response.setStatus(existed ? HttpStatus.OK.value() : HttpStatus.CREATED.value());
    return view(saved);
  }

  /**
   * Deletes on the profile consumer's thread, between two batches: a refresh or a profile write running meanwhile
   * would otherwise record a size or a member of the segment while its rows go, and the delete fail on the foreign key.
   */
  @DeleteMapping("/{id}")
  public Map<String, Object> delete(@PathVariable String id) throws Exception {
    validId(id);
    boolean deleted;
    try {
      // where profiles are written: a refresh recording this segment's size would race the delete otherwise
      deleted = platform.onProfileWriter(() -> segments().delete(id));
    } catch (IllegalStateException inUse) {
      throw new ApiProblem(HttpStatus.CONFLICT, "segment_in_use", inUse.getMessage());
    }
    if (!deleted) {
      throw ApiProblem.notFound("segment");
    }
    return Map.of("deleted", id);
  }

  /** The size and a sample of a rule over the whole base now, without saving it. */
  @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
  public SegmentService.Preview preview(@RequestBody JsonNode body) {
    try {
      return segments().preview(rule(body));
    } catch (RuleSyntaxException e) {
      throw invalidRule(e);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("invalid_rule", e.getMessage());
    }
  }

  /** A page of members (JSON), or with {@code format=csv} every member as a CSV download. */
  @GetMapping(path = "/{id}/members", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  public Object members(@PathVariable String id, @RequestParam(defaultValue = "json") String format,
      @RequestParam(required = false) String after, @RequestParam(defaultValue = "1000") int limit,
      @RequestParam(required = false) Boolean pseudonymous,
      org.springframework.security.core.Authentication caller, HttpServletResponse response) throws IOException {
    definition(id);
    // analysts (and whoever asks) get pseudonyms, and a sealed paging cursor in place of the last member's id
    java.util.function.UnaryOperator<String> shown = java.util.function.UnaryOperator.identity();
    boolean pseudo = analysts.pseudonymous(caller, pseudonymous);
    if (pseudo) {
      shown = analysts.pseudonymizer()::pseudonym;
      after = analysts.openCursor(after, "segment-members:" + id);
    }
    java.util.function.UnaryOperator<String> show = shown;
    if ("csv".equals(format)) {
      response.setContentType("text/csv;charset=UTF-8");
      response.setHeader("Content-Disposition", "attachment; filename=\"segment-" + id + ".csv\"");
      Writer w = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
      w.write("person_id,lifecycle_stage,rfm_segment,orders,net_revenue,last_seen\n");
      segments().forEachMember(id, p -> {
        ProfileFacts f = p.facts();
        try {
          w.write(show.apply(p.person().value()) + "," + f.lifecycleStage() + "," + (f.rfmSegment() == null ? "" : f.rfmSegment())
              + "," + f.orders() + "," + f.netRevenue().toPlainString() + "," + f.lastSeen() + "\n");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      w.flush();
      return null;
    }
    if (!"json".equals(format)) {
      throw ApiProblem.badRequest("invalid_parameter", "format must be json or csv");
    }
    if (limit < 1 || limit > 10_000) {
      throw ApiProblem.badRequest("invalid_parameter", "limit must be between 1 and 10000");
    }
    Slice<PersonId> page = segments().members(id, after, limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("segment", id);
    out.put("items", page.items().stream().map(PersonId::value).map(show).toList());
    out.put("next", pseudo ? analysts.sealCursor(page.next(), "segment-members:" + id) : page.next());
    return out;
  }

  /** The sizes measured between {@code from} and {@code to} (ISO instants; the last 90 days by default). */
  @GetMapping("/{id}/history")
  public Map<String, Object> history(@PathVariable String id, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    definition(id);
    Instant end = to == null ? platform.clock().instant().plusSeconds(1) : instant("to", to);
    Instant start = from == null ? end.minus(java.time.Duration.ofDays(90)) : instant("from", from);
    if (!start.isBefore(end)) {
      throw ApiProblem.badRequest("invalid_parameter", "from must be before to");
    }
    return Map.of("segment", id, "sizes", segments().sizeHistory(id, start, end));
  }

  private Map<String, Object> view(SegmentDefinition d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("name", d.name());
    m.put("description", d.description());
    m.put("rule", d.rule());
    m.put("ruleJson", SegmentRules.toJson(d.rule()));
    m.put("version", d.version());
    m.put("createdAt", d.createdAt());
    m.put("updatedAt", d.updatedAt());
    m.put("size", segments().size(d.id()));
    return m;
  }

  private SegmentDefinition definition(String id) {
    validId(id);
    return segments().definition(id).orElseThrow(() -> ApiProblem.notFound("segment"));
  }

  /** A malformed id is the client's mistake (400), not a segment that happens to be missing (404). */
  private static void validId(String id) {
    try {
      SegmentIds.validate(id);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("invalid_segment", e.getMessage());
    }
  }

  private static String rule(JsonNode body) {
    JsonNode text = body == null ? null : body.get("rule");
    JsonNode json = body == null ? null : body.get("ruleJson");
    if ((text == null || text.isNull()) == (json == null || json.isNull())) {
      throw ApiProblem.badRequest("invalid_rule", "give the rule as text in 'rule' or as JSON in 'ruleJson'");
    }
    if (text != null && !text.isNull()) {
      if (!text.isTextual()) {
        throw ApiProblem.badRequest("invalid_rule", "'rule' must be a string");
      }
      return text.asText();
    }
    try {
      return SegmentRules.fromJson(json);
    } catch (RuleSyntaxException e) {
      throw invalidRule(e);
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static ApiProblem invalidRule(RuleSyntaxException e) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("line", e.line());
    extra.put("column", e.column());
    extra.put("reason", e.reason());
    return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_rule", e.getMessage(), extra);
  }

  private static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest("invalid_parameter", name + " must be an ISO-8601 instant");
    }
  }

  private SegmentService segments() {
    return platform.segments();
  }
}
