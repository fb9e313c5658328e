package io.shopsense.server.web.privacy;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.core.identity.Identifiers;
import io.shopsense.core.identity.PersonView;
import io.shopsense.platform.Platform;
import io.shopsense.server.security.CustomerTokens;
import io.shopsense.server.web.ApiProblem;
import io.shopsense.server.web.audit.AuditInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer tokens: the shop's server, with its read or admin key, asks for a short-lived token for the customer who is
 * logged in to the shop (given by exactly one of {@code personId}, {@code userId}, {@code email}) and hands it to that
 * customer's browser, which reads {@code /v1/me/**} with it.
 */
@RestController
public class CustomerTokenController {
  private final Platform platform;
  private final CustomerTokens tokens;

  public CustomerTokenController(Platform platform, CustomerTokens tokens) {
    this.platform = platform;
    this.tokens = tokens;
  }

  /** Who the token is for: exactly one field. */
  public record TokenRequest(String personId, String userId, String email) {}

  @PostMapping(path = "/v1/privacy/customer-tokens", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> issue(@RequestBody TokenRequest body, HttpServletRequest request) {
    if (body == null) {
      throw ApiProblem.badRequest("invalid_request", "give one of personId, userId, email");
    }
    int given = (present(body.personId()) ? 1 : 0) + (present(body.userId()) ? 1 : 0) + (present(body.email()) ? 1 : 0);
    if (given != 1) {
      throw ApiProblem.badRequest("invalid_request", "give exactly one of personId, userId, email");
    }
    Optional<PersonView> person;
    if (present(body.personId())) {
      person = platform.persons().find(PersonId.of(body.personId().strip()));
    } else if (present(body.userId())) {
      person = platform.persons().find(new Identifier(IdentifierKind.USER_ID, body.userId().strip()));
    } else {
      person = platform.persons().find(new Identifier(IdentifierKind.EMAIL, Identifiers.email(body.email())));
    }
    PersonId id = person.map(PersonView::id).orElseThrow(() -> ApiProblem.notFound("person"));
    request.setAttribute(AuditInterceptor.TARGET, id.value());
    CustomerTokens.Issued issued = tokens.issue(id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("token", issued.token());
    out.put("tokenType", "Bearer");
    out.put("expiresAt", issued.expiresAt().toString());
    out.put("person", id.value());
    return out;
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
