package io.shopsense.server.web.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.core.identity.Identifiers;
import io.shopsense.core.identity.PersonView;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Persons: find one by any identifier or by a person id (an id merged away leads to the survivor), with their
 * identifiers, traits, merge history and refused merges; and their events, including those sent before a merge.
 */
@RestController
@RequestMapping(path = "/v1/persons", produces = MediaType.APPLICATION_JSON_VALUE)
public class PersonController {
  private final Platform platform;

  public PersonController(Platform platform) {
    this.platform = platform;
  }

  /** Looks a person up by {@code userId}, {@code anonymousId}, {@code email} or {@code phone}. */
  @GetMapping
  public PersonView lookup(@RequestParam(required = false) String userId,
      @RequestParam(required = false) String anonymousId, @RequestParam(required = false) String email,
      @RequestParam(required = false) String phone) {
    Identifier id = identifier(userId, anonymousId, email, phone);
    return platform.persons().find(id).orElseThrow(() -> ApiProblem.notFound("person"));
  }

  /** The one identifier among the query parameters, normalised as the identity resolver stores it. */
  public static Identifier identifier(String userId, String anonymousId, String email, String phone) {
    if (userId != null) {
      return new Identifier(IdentifierKind.USER_ID, userId);
    } else if (anonymousId != null) {
      return new Identifier(IdentifierKind.ANONYMOUS_ID, anonymousId);
    } else if (email != null) {
      return new Identifier(IdentifierKind.EMAIL, Identifiers.email(email));
    } else if (phone != null) {
      return new Identifier(IdentifierKind.PHONE, Identifiers.phone(phone));
    }
    throw ApiProblem.badRequest("invalid_parameter", "give one of userId, anonymousId, email, phone");
  }

  @GetMapping("/{id}")
  public PersonView get(@PathVariable String id) {
    return platform.persons().find(PersonId.of(id)).orElseThrow(() -> ApiProblem.notFound("person"));
  }

  @GetMapping("/{id}/events")
  public Map<String, Object> events(@PathVariable String id, @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ApiProblem.badRequest("invalid_parameter", "limit must be between 1 and 1000");
    }
    PersonView person = get(id);
    List<StoredEvent> events = platform.persons().events(person.id(), after, limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("person", person.id());
    out.put("items", events.stream().map(PersonController::view).toList());
    out.put("next", events.size() == limit ? String.valueOf(events.get(events.size() - 1).seq()) : null);
    return out;
  }

  /** A stored event as its sequence number and its canonical JSON. */
  public static Map<String, Object> view(StoredEvent e) {
    JsonNode json = JsonCodec.parse(e.envelope().json());
    return Map.of("seq", e.seq(), "event", json);
  }
}
