package io.shopsense.server.web.access;

import io.shopsense.api.access.ConsoleRole;
import io.shopsense.api.access.ConsoleSession;
import io.shopsense.api.access.ConsoleUser;
import io.shopsense.core.access.ConsoleSessionService;
import io.shopsense.core.access.ConsoleSessionService.Granted;
import io.shopsense.core.access.ConsoleSessionService.SignedIn;
import io.shopsense.core.access.ConsoleSessionService.Throttled;
import io.shopsense.server.config.SecurityProperties;
import io.shopsense.server.security.ConsoleUserAuthentication;
import io.shopsense.server.security.SessionAuthenticationFilter;
import io.shopsense.server.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Console sign-in and sign-out. {@code POST /v1/sessions} checks a user name and password and answers a bearer token
 * (also set as an HttpOnly, SameSite=Strict cookie for the console); {@code DELETE /v1/sessions/current} ends it.
 */
@RestController
@RequestMapping(path = "/v1/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
public class SessionController {
  private final ConsoleSessionService sessions;
  private final SecurityProperties settings;

  public SessionController(ConsoleSessionService sessions, SecurityProperties settings) {
    this.sessions = sessions;
    this.settings = settings;
  }

  /** The sign-in body. */
  public record Credentials(String username, String password) {}

  @PostMapping
  public ResponseEntity<?> login(@RequestBody(required = false) Credentials body,
      HttpServletRequest request) {
    if (body == null || body.username() == null || body.username().isBlank() || body.password() == null) {
      throw ApiProblem.badRequest("invalid_credentials_body", "send {\"username\": ..., \"password\": ...}");
    }
    var login = sessions.login(body.username(), body.password(), request.getRemoteAddr());
    if (login instanceof Throttled t) {
      long seconds = Math.max(1, t.retryAfter().toSeconds() + (t.retryAfter().toNanosPart() > 0 ? 1 : 0));
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
          .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ApiProblem.problem(HttpStatus.TOO_MANY_REQUESTS,
              "too_many_attempts", "too many failed sign-ins; try again in " + seconds + " s", Map.of()));
    }
    if (!(login instanceof Granted g)) {
      throw new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid_credentials", "wrong user name or password");
    }
    Map<String, Object> out = view(g.user(), g.session());
    out.put("token", g.token());
    Duration maxAge = Duration.between(g.session().createdAt(), g.session().expiresAt());
    ResponseCookie cookie = ResponseCookie.from(SessionAuthenticationFilter.COOKIE, g.token()).httpOnly(true)
        .secure(settings.session().cookieSecure()).sameSite("Strict").path("/").maxAge(maxAge).build();
    return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.SET_COOKIE, cookie.toString()).body(out);
  }

  @GetMapping("/current")
  public Map<String, Object> current(Authentication auth) {
    SignedIn s = ((ConsoleUserAuthentication) auth).getPrincipal();
    return view(s.user(), s.session());
  }

  @DeleteMapping("/current")
  public ResponseEntity<Void> logout(HttpServletRequest request) {
    SessionAuthenticationFilter.token(request).ifPresent(sessions::logout);
    ResponseCookie gone = ResponseCookie.from(SessionAuthenticationFilter.COOKIE, "").httpOnly(true)
        .secure(settings.session().cookieSecure()).sameSite("Strict").path("/").maxAge(0).build();
    return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, gone.toString()).build();
  }

  private static Map<String, Object> view(ConsoleUser user, ConsoleSession session) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("username", user.username());
    out.put("roles", user.roles().stream().map(ConsoleRole::wireName).sorted().toList());
    out.put("createdAt", session.createdAt().toString());
    Instant idle = session.idleExpiresAt();
    out.put("idleExpiresAt", idle.toString());
    out.put("expiresAt", session.expiresAt().toString());
    return out;
  }
}
