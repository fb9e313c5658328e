package io.shopsense.core.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(10), 2.0, Duration.ofSeconds(60), 0.25);

  @Test
  void delaysGrowExponentiallyUpToTheCap() {
    RetryPolicy exact = new RetryPolicy(6, Duration.ofSeconds(10), 2.0, Duration.ofSeconds(60), 0.0);
    SplittableRandom r = new SplittableRandom(1);
    assertThat(exact.delayAfter(1, r)).isEqualTo(Duration.ofSeconds(10));
    assertThat(exact.delayAfter(2, r)).isEqualTo(Duration.ofSeconds(20));
    assertThat(exact.delayAfter(3, r)).isEqualTo(Duration.ofSeconds(40));
    assertThat(exact.delayAfter(4, r)).isEqualTo(Duration.ofSeconds(60));
    assertThat(exact.delayAfter(30, r)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void jitterSpreadsDelaysWithinItsBandAndIsReproducibleFromTheSeed() {
    SplittableRandom r = new SplittableRandom(7);
    Set<Duration> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      Duration d = policy.delayAfter(2, r);
      assertThat(d).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(25));
      seen.add(d);
    }
    assertThat(seen).hasSizeGreaterThan(50);
    assertThat(policy.delayAfter(3, new SplittableRandom(3))).isEqualTo(policy.delayAfter(3, new SplittableRandom(3)));
  }

  @Test
  void retriesUntilTheLastAttempt() {
    assertThat(policy.mayRetry(4)).isTrue();
    assertThat(policy.mayRetry(5)).isFalse();
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), 2, Duration.ofSeconds(2), 0))
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(10), 2, Duration.ofSeconds(2), 0))
        .hasMessageContaining("maxDelay");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), 0.5, Duration.ofSeconds(2), 0))
        .hasMessageContaining("multiplier");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), 2, Duration.ofSeconds(2), 1.0))
        .hasMessageContaining("jitter");
    assertThatThrownBy(() -> policy.delayAfter(0, new SplittableRandom(1))).hasMessageContaining("attemptsSoFar");
  }
}
