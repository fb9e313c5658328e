package io.shopsense.server.security;

import io.shopsense.api.access.ApiKey;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API keys, as a storefront library sends them: HTTP Basic with the key as user name and an empty
 * password (the Segment convention), {@code Authorization: Bearer <key>}, or {@code X-API-Key: <key>}. A key that is
 * present but unknown (or revoked) is refused at once with 401 {@code unknown_api_key}; a request without a key goes
 * on unauthenticated and is refused by the authorisation rules if the endpoint needs one.
 */
public final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
  private final Platform platform;
  private final ProblemWriter problems;

  public ApiKeyAuthenticationFilter(Platform platform, ProblemWriter problems) {
    this.platform = platform;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication already = SecurityContextHolder.getContext().getAuthentication();
    if (already != null && already.isAuthenticated() && !(already instanceof AnonymousAuthenticationToken)) {
      chain.doFilter(request, response); // a console session or customer token, authenticated by an earlier filter
      return;
    }
    Optional<String> secret = secret(request);
    if (secret.isPresent() && CustomerTokens.looksLikeToken(secret.get())) {
      chain.doFilter(request, response); // a customer token, authenticated by the CustomerTokenFilter
      return;
    }
    if (secret.isPresent()) {
      Optional<ApiKey> key = platform.apiKeys().authenticate(secret.get());
      if (key.isEmpty()) {
        problems.write(response, HttpStatus.UNAUTHORIZED, "unknown_api_key", "the API key is not valid");
        return;
      }
      SecurityContextHolder.getContext().setAuthentication(new ApiKeyAuthentication(key.get()));
    }
    // the context is cleared by Spring Security's own holder filter once the request is done; clearing it here
    // would hide an anonymous caller from the exception translation, which then answers 403 instead of 401
    chain.doFilter(request, response);
  }

  static Optional<String> secret(HttpServletRequest request) {
    String header = request.getHeader("X-API-Key");
    if (header != null && !header.isBlank()) {
      return Optional.of(header.strip());
    }
    String auth = request.getHeader("Authorization");
    if (auth == null) {
      return Optional.empty();
    }
    if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(auth.substring(7).strip());
    }
    if (auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(auth.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
      } catch (IllegalArgumentException notBase64) {
        return Optional.of("");
      }
    }
    return Optional.of("");
  }
}
