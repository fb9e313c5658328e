package io.shopsense.server.security;

import io.shopsense.server.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates customer tokens ({@code Authorization: Bearer sst1....}): a valid one makes the request a
 * {@link CustomerAuthentication} ({@code ROLE_CUSTOMER}); a forged, malformed or expired one is refused at once with
 * 401. Other credentials pass through untouched (the API key filter skips customer tokens).
 */
public final class CustomerTokenFilter extends OncePerRequestFilter {
  private final CustomerTokens tokens;
  private final ProblemWriter problems;

  public CustomerTokenFilter(CustomerTokens tokens, ProblemWriter problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String auth = request.getHeader("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
        && CustomerTokens.looksLikeToken(auth.substring(7).strip())) {
      CustomerTokens.Check check = tokens.check(auth.substring(7).strip());
      if (check instanceof CustomerTokens.Check.Rejected r) {
        problems.write(response, HttpStatus.UNAUTHORIZED, r.code(), r.reason());
        return;
      }
      CustomerTokens.Check.Valid valid = (CustomerTokens.Check.Valid) check;
      SecurityContextHolder.getContext().setAuthentication(
          new CustomerAuthentication(new CustomerPrincipal(valid.person())));
    }
    chain.doFilter(request, response);
  }
}
