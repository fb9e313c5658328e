package io.shopsense.server.security;

import io.shopsense.core.access.ConsoleSessionService;
import io.shopsense.core.access.ConsoleSessionService.SignedIn;
import io.shopsense.server.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates console sessions: {@code Authorization: Bearer sess_...} or, when there is no Authorization header,
 * the session cookie the console's browser sends. A bearer session token that is unknown or expired is refused at once
 * with 401 {@code invalid_session}; a stale cookie is ignored (the request goes on unauthenticated, so that the sign-in
 * page works); anything else is left to the next filters (API keys).
 */
public final class SessionAuthenticationFilter extends OncePerRequestFilter {
  /** The console's session cookie: HttpOnly, SameSite=Strict, Secure unless configured off. */
  public static final String COOKIE = "shopsense_session";

  private final ConsoleSessionService sessions;
  private final ProblemWriter problems;

  public SessionAuthenticationFilter(ConsoleSessionService sessions, ProblemWriter problems) {
    this.sessions = sessions;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> token = token(request);
    if (token.isPresent()) {
      Optional<SignedIn> signedIn = sessions.authenticate(token.get());
      if (signedIn.isEmpty() && request.getHeader("Authorization") == null) {
        // a stale cookie (the idle timeout passed): carry on unauthenticated, so that signing in again works
        chain.doFilter(request, response);
        return;
      }
      if (signedIn.isEmpty()) {
        problems.write(response, HttpStatus.UNAUTHORIZED, "invalid_session",
            "the session has expired or was ended; sign in again");
        return;
      }
      SecurityContextHolder.getContext().setAuthentication(new ConsoleUserAuthentication(signedIn.get()));
    }
    chain.doFilter(request, response);
  }

  /** The session token of the request, if it carries one. */
  public static Optional<String> token(HttpServletRequest request) {
    String auth = request.getHeader("Authorization");
    if (auth != null) {
      if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        String t = auth.substring(7).strip();
        if (t.startsWith(ConsoleSessionService.PREFIX)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
    if (request.getHeader("X-API-Key") != null || request.getCookies() == null) {
      return Optional.empty();
    }
    for (Cookie c : request.getCookies()) {
      if (COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isBlank()) {
        return Optional.of(c.getValue());
      }
    }
    return Optional.empty();
  }
}
