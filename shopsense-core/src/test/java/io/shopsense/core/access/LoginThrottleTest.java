package io.shopsense.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final AdvancingClock clock = new AdvancingClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final AccessSettings settings = new AccessSettings(Duration.ofMinutes(30), Duration.ofHours(8), 3, 5,
      Duration.ofMinutes(10), Duration.ofMinutes(15), 12);
  private final LoginThrottle throttle = new LoginThrottle(settings, clock);

  @Test
  void locksAUserNameAfterTooManyFailuresWithinTheWindow() {
    throttle.failed("ada", "10.0.0.1");
    throttle.failed("ada", "10.0.0.2");
    assertThat(throttle.retryAfter("ada", "10.0.0.9")).isEmpty();

    throttle.failed("ada", "10.0.0.3");

    assertThat(throttle.retryAfter("ada", "10.0.0.9")).contains(Duration.ofMinutes(15));
    assertThat(throttle.retryAfter("bob", "10.0.0.9")).isEmpty();
    clock.advance(Duration.ofMinutes(14));
    assertThat(throttle.retryAfter("ada", "10.0.0.9")).contains(Duration.ofMinutes(1));
    clock.advance(Duration.ofMinutes(1));
    assertThat(throttle.retryAfter("ada", "10.0.0.9")).isEmpty();
  }

  @Test
  void failuresOlderThanTheWindowDoNotCount() {
    throttle.failed("ada", "10.0.0.1");
    throttle.failed("ada", "10.0.0.1");
    clock.advance(Duration.ofMinutes(11));

    throttle.failed("ada", "10.0.0.1");

    assertThat(throttle.retryAfter("ada", "10.0.0.1")).isEmpty();
  }

  @Test
  void locksAnAddressThatTriesManyNames() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("user" + i, "10.0.0.7");
    }

    assertThat(throttle.retryAfter("someone-else", "10.0.0.7")).contains(Duration.ofMinutes(15));
    assertThat(throttle.retryAfter("someone-else", "10.0.0.8")).isEmpty();
  }

  @Test
  void aSuccessClearsTheUserNameButNotTheAddress() {
    throttle.failed("ada", "10.0.0.1");
    throttle.failed("ada", "10.0.0.1");
    throttle.succeeded("ada");
    throttle.failed("ada", "10.0.0.1");
    throttle.failed("ada", "10.0.0.1");

    assertThat(throttle.retryAfter("ada", "10.0.0.2")).isEmpty();
    throttle.failed("bob", "10.0.0.1");
    assertThat(throttle.retryAfter("carol", "10.0.0.1")).isPresent();
  }

  @Test
  void staysBoundedUnderAFloodOfNamesAndAddresses() {
    int most = 0;
    for (int i = 0; i < 2 * LoginThrottle.MAX_TRACKED; i++) {
      throttle.failed("u" + i, "a" + i);
      most = Math.max(most, throttle.tracked());
    }

    assertThat(most).isLessThanOrEqualTo(LoginThrottle.MAX_TRACKED + 1);
  }

  @Test
  void forgetsQuietEntriesFirstWhenFull() {
    throttle.failed("ada", "10.0.0.1");
    throttle.failed("ada", "10.0.0.1");
    throttle.failed("ada", "10.0.0.1"); // locked for 15 min
    clock.advance(Duration.ofMinutes(11));
    for (int i = 0; i < LoginThrottle.MAX_TRACKED; i++) {
      throttle.failed("u" + i, "10.0.0.2");
    }

    assertThat(throttle.retryAfter("ada", "10.0.0.3")).contains(Duration.ofMinutes(4));
  }
}
