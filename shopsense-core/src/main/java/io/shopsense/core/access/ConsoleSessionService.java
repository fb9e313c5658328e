package io.shopsense.core.access;

import io.shopsense.api.access.ConsoleSession;
import io.shopsense.api.access.ConsoleSessions;
import io.shopsense.api.access.ConsoleUser;
import io.shopsense.api.access.ConsoleUsers;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Signs console users in and out. A sign-in gives a random bearer token (256 bits) of which only the SHA-256 is kept;
 * the session ends after {@link AccessSettings#idleTimeout()} without use or {@link AccessSettings#absoluteTimeout()}
 * after sign-in. Failed sign-ins are counted by the {@link LoginThrottle}; an unknown user, a wrong password and a
 * disabled user get the same answer, after the same KDF work, so that answers and timing do not tell which names
 * exist. Thread-safe.
 */
public final class ConsoleSessionService {
  /** Tells session tokens apart from API keys ({@code ss_}) in the same Authorization header. */
  public static final String PREFIX = "sess_";

  /** The outcome of a sign-in. */
  public sealed interface Login permits Granted, Denied, Throttled {}

  /** Signed in: {@code token} is shown once, to the caller. */
  public record Granted(String token, ConsoleSession session, ConsoleUser user) implements Login {}

  /** Wrong name or password, or a disabled user: deliberately not told apart. */
  public record Denied() implements Login {}

  /** Too many failures for this name or address; try again after {@code retryAfter}. */
  public record Throttled(Duration retryAfter) implements Login {}

  /** A live session and its user, as of this request. */
  public record SignedIn(ConsoleUser user, ConsoleSession session) {}

  private final ConsoleUsers users;
  private final ConsoleSessions sessions;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final AccessSettings settings;
  private final Clock clock;
  private final AccessAudit audit;
  private final SecureRandom random = new SecureRandom();
  private volatile String decoy;

  public ConsoleSessionService(ConsoleUsers users, ConsoleSessions sessions, PasswordHasher hasher,
      AccessSettings settings, Clock clock) {
    this(users, sessions, hasher, settings, clock, AccessAudit.NONE);
  }

  public ConsoleSessionService(ConsoleUsers users, ConsoleSessions sessions, PasswordHasher hasher,
      AccessSettings settings, Clock clock, AccessAudit audit) {
    this.audit = audit;
    this.users = users;
    this.sessions = sessions;
    this.hasher = hasher;
    this.settings = settings;
    this.clock = clock;
    this.throttle = new LoginThrottle(settings, clock);
  }

  /** Checks the name and password; {@code address} is the client's, for the throttle. */
  public Login login(String username, CharSequence password, String address) {
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    Optional<Duration> wait = throttle.retryAfter(name, address);
    if (wait.isPresent()) {
      audit.record(new AccessChange.SignInRefused(name, true));
      return new Throttled(wait.get());
    }
    Optional<ConsoleUser> user = name.length() > 64 ? Optional.empty() : users.find(name);
    boolean ok = password != null && password.length() <= PasswordPolicy.MAX_LENGTH
        && hasher.matches(password, user.map(ConsoleUser::passwordHash).orElseGet(this::decoy));
    if (!ok || user.isEmpty() || !user.get().enabled()) {
      throttle.failed(name, address);
      audit.record(new AccessChange.SignInRefused(name, false));
      return new Denied();
    }
    throttle.succeeded(name);
    Instant now = clock.instant();
    sessions.purgeExpired(now);
    String token = newToken();
    Instant end = now.plus(settings.absoluteTimeout());
    ConsoleSession session = new ConsoleSession(ApiKeyService.hash(token), name, now, now,
        min(now.plus(settings.idleTimeout()), end), end);
    sessions.create(session);
    audit.record(new AccessChange.SignedIn(name));
    return new Granted(token, session, user.get());
  }

  /** The live session of this token and its (enabled) user, recording the use; empty otherwise. */
  public Optional<SignedIn> authenticate(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
      return Optional.empty();
    }
    String hash = ApiKeyService.hash(token);
    Instant now = clock.instant();
    Optional<ConsoleSession> found = sessions.find(hash).filter(s -> s.liveAt(now));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ConsoleSession s = found.get();
    Optional<ConsoleUser> user = users.find(s.username()).filter(ConsoleUser::enabled);
    if (user.isEmpty()) {
      return Optional.empty();
    }
    // a write per request would be wasted: move the idle expiry only once a minute or so
    Instant idle = min(now.plus(settings.idleTimeout()), s.expiresAt());
    if (Duration.between(s.lastSeenAt(), now).compareTo(touchEvery()) >= 0) {
      sessions.touch(hash, now, idle);
      s = new ConsoleSession(hash, s.username(), s.createdAt(), now, idle, s.expiresAt());
    }
    return Optional.of(new SignedIn(user.get(), s));
  }

  /** Ends the session of this token; false if there was none. */
  public boolean logout(String token) {
    if (token == null || !token.startsWith(PREFIX)) {
      return false;
    }
    String hash = ApiKeyService.hash(token);
    Optional<ConsoleSession> session = sessions.find(hash);
    boolean ended = sessions.delete(hash);
    if (ended) {
      audit.record(new AccessChange.SignedOut(session.map(ConsoleSession::username).orElse("")));
    }
    return ended;
  }

  /** Removes the sessions that are over; returns how many. */
  public int purgeExpired() {
    return sessions.purgeExpired(clock.instant());
  }

  private Duration touchEvery() {
    Duration sixtieth = settings.idleTimeout().dividedBy(60);
    return sixtieth.compareTo(Duration.ofMinutes(1)) < 0 ? sixtieth : Duration.ofMinutes(1);
  }

  private String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A hash to check unknown names against, so that they cost the same KDF work as known ones. */
  private String decoy() {
    String d = decoy;
    if (d == null) {
      byte[] bytes = new byte[24];
      random.nextBytes(bytes);
      d = hasher.hash(Base64.getEncoder().encodeToString(bytes));
      decoy = d;
    }
    return d;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
