package io.shopsense.server.web.campaign;

import io.shopsense.api.campaign.MessageSuppressed;
import io.shopsense.api.id.PersonId;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Why messages did not go: counts by contact-policy rule over a period (an aggregate), and one person's suppressions
 * with rule and reason (personal data).
 */
@RestController
public class SuppressionController {
  private final Platform platform;

  public SuppressionController(Platform platform) {
    this.platform = platform;
  }

  /** Suppressions per rule in {@code [from, to)} (ISO instants; the last 7 days by default). */
  @GetMapping(path = "/v1/suppressions", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> counts(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Instant end = to == null ? platform.clock().instant().plusSeconds(1) : instant("to", to);
    Instant start = from == null ? end.minus(Duration.ofDays(7)) : instant("from", from);
    if (!start.isBefore(end)) {
      throw ApiProblem.badRequest("invalid_parameter", "from must be before to");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", start);
    out.put("to", end);
    out.put("byRule", platform.campaigns().stores().suppressions().countByRule(start, end));
    return out;
  }

  /** The person's suppressions, newest first. */
  @GetMapping(path = "/v1/persons/{id}/suppressions", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> ofPerson(@PathVariable String id, @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1_000) {
      throw ApiProblem.badRequest("invalid_parameter", "limit must be between 1 and 1000");
    }
    PersonId person;
    try {
      person = PersonId.of(id);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("invalid_parameter", "not a valid person id");
    }
    List<Map<String, Object>> items = platform.campaigns().stores().suppressions().of(person, limit).stream()
        .map(SuppressionController::view).toList();
    return Map.of("person", person.value(), "items", items);
  }

  private static Map<String, Object> view(MessageSuppressed s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("messageKey", s.messageKey());
    m.put("rule", s.rule());
    m.put("reason", s.reason());
    m.put("at", s.at());
    m.put("heldUntil", s.heldUntil().orElse(null));
    return m;
  }

  private static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest("invalid_parameter", name + " must be an ISO-8601 instant");
    }
  }
}
