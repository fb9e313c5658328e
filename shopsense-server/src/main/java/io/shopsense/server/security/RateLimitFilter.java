package io.shopsense.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.shopsense.api.access.ApiKey;
import io.shopsense.server.config.SecurityProperties;
import io.shopsense.server.config.SecurityProperties.Limit;
import io.shopsense.server.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Limits the request rate of the public endpoints per client: ingest per API key (per address without one), sign-in,
 * the customer API, the privacy summary and the signed message links ({@code /s/*}) per client address. Over the limit a request gets 429 with
 * {@code Retry-After} (whole seconds) and problem details {@code rate_limited}. Buckets live in a bounded cache, so a
 * flood of new addresses costs bounded memory. Runs after authentication, before authorisation.
 */
public final class RateLimitFilter extends org.springframework.web.filter.OncePerRequestFilter {
  /** The groups of public endpoints with a limit of their own. */
  enum Group { INGEST, LOGIN, ME, PRIVACY, LINKS }

  private final Map<Group, Limit> limits = new EnumMap<>(Group.class);
  private final Cache<String, Bucket> buckets;
  private final TimeMeter time;
  private final ProblemWriter problems;

  public RateLimitFilter(SecurityProperties.RateLimit settings, Clock clock, ProblemWriter problems) {
    limits.put(Group.INGEST, settings.ingest());
    limits.put(Group.LOGIN, settings.login());
    limits.put(Group.ME, settings.me());
    limits.put(Group.PRIVACY, settings.privacy());
    limits.put(Group.LINKS, settings.links());
    this.problems = problems;
    this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    // the injected clock, so that a test's fixed clock holds a bucket empty
    this.time = new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
  }

  static Group group(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String method = request.getMethod();
    if ("POST".equals(method) && SecurityConfiguration.isIngestPath(path)) {
      return Group.INGEST;
    }
    if ("POST".equals(method) && "/v1/sessions".equals(path)) {
      return Group.LOGIN;
    }
    if (path.equals("/v1/me") || path.startsWith("/v1/me/")) {
      return Group.ME;
    }
    if (path.equals("/privacy") || path.equals("/v1/privacy/summary")) {
      return Group.PRIVACY;
    }
    if (path.startsWith("/s/")) {
      return Group.LINKS; // open pixels, clicks, unsubscribes and the preference centre of sent messages
    }
    return null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Group group = group(request);
    if (group == null) {
      chain.doFilter(request, response);
      return;
    }
    Limit limit = limits.get(group);
    Bucket bucket = buckets.get(group + "|" + client(group, request), k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()).build())
        .withCustomTimePrecision(time).build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
      response.setHeader("Retry-After", Long.toString(seconds));
      problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
          "too many requests; try again in " + seconds + " s");
      return;
    }
    chain.doFilter(request, response);
  }

  private static String client(Group group, HttpServletRequest request) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (group == Group.INGEST && auth != null && auth.getPrincipal() instanceof ApiKey key) {
      return "key:" + key.id();
    }
    return "addr:" + request.getRemoteAddr();
  }
}
