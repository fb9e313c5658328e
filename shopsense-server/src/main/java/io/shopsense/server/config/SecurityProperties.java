package io.shopsense.server.config;

import io.shopsense.core.access.AccessSettings;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shopsense.security.*}: console sessions, sign-in throttling, password hashing and the rate limits of the
 * public endpoints.
 */
@Validated
@ConfigurationProperties("shopsense.security")
public record SecurityProperties(
    @DefaultValue @NotNull Session session,
    @DefaultValue @NotNull Login login,
    @DefaultValue @NotNull Password password,
    @DefaultValue @NotNull RateLimit rateLimit) {

  /**
   * @param idleTimeout     a session ends when unused this long
   * @param absoluteTimeout a session ends this long after sign-in
   * @param cookieSecure    mark the session cookie Secure (sent over HTTPS only); false only for plain-HTTP trials
   */
  public record Session(
      @DefaultValue("30m") @NotNull Duration idleTimeout,
      @DefaultValue("8h") @NotNull Duration absoluteTimeout,
      @DefaultValue("true") boolean cookieSecure) {}

  /**
   * @param maxFailuresPerUser    failed sign-ins of one user name within the window before it is locked
   * @param maxFailuresPerAddress failed sign-ins from one client address within the window before it is locked
   * @param failureWindow         how far back failures count
   * @param lockout               how long a locked name or address waits
   */
  public record Login(
      @DefaultValue("5") @Positive int maxFailuresPerUser,
      @DefaultValue("20") @Positive int maxFailuresPerAddress,
      @DefaultValue("15m") @NotNull Duration failureWindow,
      @DefaultValue("15m") @NotNull Duration lockout) {}

  /**
   * @param minLength   the shortest password accepted
   * @param memory      Argon2id memory per hash
   * @param iterations  Argon2id passes
   * @param parallelism Argon2id lanes
   */
  public record Password(
      @DefaultValue("12") @Positive int minLength,
      @DefaultValue("19MB") @NotNull DataSize memory,
      @DefaultValue("2") @Positive int iterations,
      @DefaultValue("1") @Positive int parallelism) {}

  /**
   * Per-client request limits of the public endpoints (token buckets: {@code *-requests} per {@code *-period},
   * refilled gradually). Ingest is counted per API key, the others per client address.
   */
  public record RateLimit(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("2000") @Positive long ingestRequests,
      @DefaultValue("1s") @NotNull Duration ingestPeriod,
      @DefaultValue("10") @Positive long loginRequests,
      @DefaultValue("1m") @NotNull Duration loginPeriod,
      @DefaultValue("120") @Positive long meRequests,
      @DefaultValue("1m") @NotNull Duration mePeriod,
      @DefaultValue("60") @Positive long privacyRequests,
      @DefaultValue("1m") @NotNull Duration privacyPeriod,
      @DefaultValue("600") @Positive long linkRequests,
      @DefaultValue("1m") @NotNull Duration linkPeriod) {

    public Limit ingest() {
      return new Limit(ingestRequests, ingestPeriod);
    }

    public Limit login() {
      return new Limit(loginRequests, loginPeriod);
    }

    public Limit me() {
      return new Limit(meRequests, mePeriod);
    }

    public Limit privacy() {
      return new Limit(privacyRequests, privacyPeriod);
    }

    public Limit links() {
      return new Limit(linkRequests, linkPeriod);
    }
  }

  /** {@code requests} per {@code period}. */
  public record Limit(long requests, Duration period) {}

  public AccessSettings toSettings() {
    return new AccessSettings(session.idleTimeout(), session.absoluteTimeout(), login.maxFailuresPerUser(),
        login.maxFailuresPerAddress(), login.failureWindow(), login.lockout(), password.minLength());
  }
}
