package io.shopsense.server.web.consent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.ConsentDecision;
import io.shopsense.api.privacy.ConsentRecord;
import io.shopsense.api.privacy.ConsentSubject;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.core.consent.ConsentService;
import io.shopsense.core.identity.Identifiers;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import io.shopsense.server.web.BodyReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consent by API: {@code PUT /v1/consents} records a person's decisions (the shop's back office, a preference
 * centre), {@code GET /v1/consents/{ref}} answers their current consent per purpose — granted, refused with why
 * (nothing is pre-ticked: no record means refused), or strictly necessary — and the history it rests on. The
 * storefront sends the same decisions as {@code Consent Updated} events.
 */
@RestController
@RequestMapping(path = "/v1/consents", produces = MediaType.APPLICATION_JSON_VALUE)
public class ConsentController {
  private static final int MAX_BODY = 64 * 1024;
  private static final int MAX_TEXT = 200;
  private static final int MAX_ID = 400;
  private static final Map<String, ConsentSubject.Kind> SUBJECT_FIELDS = Map.of("personId",
      ConsentSubject.Kind.PERSON, "userId", ConsentSubject.Kind.USER_ID, "anonymousId",
      ConsentSubject.Kind.ANONYMOUS_ID, "email", ConsentSubject.Kind.EMAIL, "phone", ConsentSubject.Kind.PHONE);

  private final Platform platform;

  public ConsentController(Platform platform) {
    this.platform = platform;
  }

  /**
   * Records decisions. Body: exactly one of {@code userId}, {@code anonymousId}, {@code email}, {@code phone},
   * {@code personId}; {@code purposes} (purpose → true/false, at least one); {@code noticeVersion}; optional
   * {@code source} (default {@code api}), {@code basis} (default {@code consent}) and {@code requestId} (a retry with
   * the same id records nothing twice). Answers the subject's consent after the change.
   */
  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ConsentAnswer put(HttpServletRequest request) throws IOException {
    BodyReader.requireJson(request);
    JsonNode body;
    try {
      body = JsonCodec.parse(BodyReader.read(request, MAX_BODY));
    } catch (UncheckedIOException | IllegalArgumentException e) {
      throw ApiProblem.badRequest("malformed_json", "the body is not valid JSON");
    }
    if (body == null || !body.isObject()) {
      throw ApiProblem.badRequest("not_an_object", "the body must be a JSON object");
    }
    ConsentSubject subject = subject(body);
    Map<Purpose, Boolean> purposes = purposes(body.get("purposes"));
    String notice = text(body, "noticeVersion", true, MAX_TEXT);
    String source = text(body, "source", false, MAX_TEXT);
    String basisName = text(body, "basis", false, MAX_TEXT);
    LawfulBasis basis = basisName == null ? LawfulBasis.CONSENT : LawfulBasis.fromWire(basisName).orElseThrow(() ->
        ApiProblem.badRequest("invalid_value", "basis: not a lawful basis; known: " + known(LawfulBasis.values())));
    String requestId = text(body, "requestId", false, MAX_ID);
    platform.consent().record(new ConsentService.Update(subject, purposes, basis, source == null ? "api" : source,
        notice, requestId == null ? "api-" + UUID.randomUUID() : "api-" + requestId));
    return answer(platform.consent().view(subject));
  }

  /**
   * The consent of {@code ref}: {@code user_id:u-1}, {@code anonymous_id:…}, {@code email:…}, {@code phone:…},
   * {@code person:p_…}, or a bare person id.
   */
  @GetMapping("/{ref}")
  public ConsentAnswer get(@PathVariable String ref) {
    return answer(platform.consent().view(reference(ref)));
  }

  /** One purpose now: {@code status} is granted, refused or strictly_necessary. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PurposeAnswer(String purpose, String description, boolean allowed, String status, String basis,
      String reason, Instant decidedAt, String source, String noticeVersion) {}

  /** One record of the history. */
  public record RecordAnswer(long seq, String subject, String purpose, boolean granted, String basis, String source,
      String noticeVersion, Instant at, String cause) {}

  /** A subject's consent: the person it resolves to (null if none yet), each purpose, the history. */
  public record ConsentAnswer(String subject, String person, List<PurposeAnswer> purposes,
      List<RecordAnswer> history) {}

  static ConsentAnswer answer(ConsentService.View v) {
    List<PurposeAnswer> purposes = new ArrayList<>();
    for (ConsentService.PurposeView p : v.purposes()) {
      ConsentRecord r = p.latest();
      if (p.decision() instanceof ConsentDecision.Allowed a) {
        purposes.add(new PurposeAnswer(p.purpose().wireName(), p.purpose().plainDescription(), true,
            a.strictlyNecessary() ? "strictly_necessary" : "granted", a.basis().wireName(), null,
            r == null ? null : r.at(), r == null ? null : r.source(), r == null ? null : r.noticeVersion()));
      } else if (p.decision() instanceof ConsentDecision.Refused refused) {
        purposes.add(new PurposeAnswer(p.purpose().wireName(), p.purpose().plainDescription(), false, "refused",
            null, refused.reason(), r == null ? null : r.at(), r == null ? null : r.source(),
            r == null ? null : r.noticeVersion()));
      }
    }
    List<RecordAnswer> history = v.history().stream().map(r -> new RecordAnswer(r.seq(), r.subject().toString(),
        r.purpose().wireName(), r.granted(), r.basis().wireName(), r.source(), r.noticeVersion(), r.at(), r.cause()))
        .toList();
    PersonId person = v.person();
    return new ConsentAnswer(v.asked().toString(), person == null ? null : person.value(), purposes, history);
  }

  private static ConsentSubject subject(JsonNode body) {
    ConsentSubject subject = null;
    for (Map.Entry<String, ConsentSubject.Kind> f : SUBJECT_FIELDS.entrySet()) {
      String value = text(body, f.getKey(), false, MAX_ID);
      if (value == null) {
        continue;
      }
      if (subject != null) {
        throw ApiProblem.badRequest("ambiguous_subject", "give exactly one of personId, userId, anonymousId, email, "
            + "phone");
      }
      subject = normalised(f.getValue(), value);
    }
    if (subject == null) {
      throw ApiProblem.badRequest("missing_subject", "give one of personId, userId, anonymousId, email, phone");
    }
    return subject;
  }

  private static ConsentSubject reference(String ref) {
    if (ref == null || ref.isBlank() || ref.length() > MAX_ID + 20 || ref.chars().anyMatch(c -> c < 0x20)) {
      throw ApiProblem.badRequest("invalid_value", "not a subject reference");
    }
    int colon = ref.indexOf(':');
    if (colon > 0) {
      var kind = ConsentSubject.Kind.fromKey(ref.substring(0, colon));
      if (kind.isPresent()) {
        return normalised(kind.get(), ref.substring(colon + 1));
      }
    }
    return normalised(ConsentSubject.Kind.PERSON, ref);
  }

  private static ConsentSubject normalised(ConsentSubject.Kind kind, String raw) {
    String value = switch (kind) {
      case EMAIL -> Identifiers.email(raw);
      case PHONE -> Identifiers.phone(raw);
      default -> raw.strip();
    };
    if (value.isEmpty() || (kind == ConsentSubject.Kind.EMAIL && !value.contains("@"))) {
      throw ApiProblem.badRequest("invalid_value", kind.key() + ": not a valid " + kind.key());
    }
    return new ConsentSubject(kind, value);
  }

  private static Map<Purpose, Boolean> purposes(JsonNode node) {
    if (node == null || node.isNull()) {
      throw ApiProblem.badRequest("missing_field", "purposes: required, e.g. {\"analytics\": true}");
    }
    if (!node.isObject() || node.isEmpty()) {
      throw ApiProblem.badRequest("invalid_type", "purposes: expected an object of purpose: true|false, at least one");
    }
    Map<Purpose, Boolean> out = new EnumMap<>(Purpose.class);
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      Purpose p = Purpose.fromWire(f.getKey()).orElseThrow(() -> ApiProblem.badRequest("unknown_purpose",
          "purposes: not a purpose; known: " + known(Purpose.values())));
      if (!f.getValue().isBoolean()) {
        throw ApiProblem.badRequest("invalid_type", "purposes." + p.wireName() + ": expected true or false");
      }
      out.put(p, f.getValue().booleanValue());
    }
    return out;
  }

  private static String text(JsonNode body, String field, boolean required, int max) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        throw ApiProblem.badRequest("missing_field", field + ": required");
      }
      return null;
    }
    if (!n.isTextual()) {
      throw ApiProblem.badRequest("invalid_type", field + ": expected a string");
    }
    String s = n.textValue().strip();
    if (s.isEmpty() || s.length() > max || s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw ApiProblem.badRequest("invalid_value", field + ": 1 to " + max + " characters, no control characters");
    }
    return s;
  }

  private static String known(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v.name().toLowerCase(java.util.Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
