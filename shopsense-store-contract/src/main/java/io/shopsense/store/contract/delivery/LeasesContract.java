package io.shopsense.store.contract.delivery;

import static io.shopsense.store.contract.delivery.DeliveryFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.delivery.Lease;
import io.shopsense.api.delivery.Leases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link Leases}; {@link #open()} and {@link #close()} as in the other contracts. */
public abstract class LeasesContract {
  protected static final Duration TTL = Duration.ofSeconds(30);
  protected Leases leases;

  protected abstract Leases open() throws Exception;

  protected abstract void close() throws Exception;

  @BeforeEach
  void openLeases() throws Exception {
    leases = open();
  }

  @AfterEach
  void closeLeases() throws Exception {
    close();
  }

  @Test
  void oneHolderAtATimeUntilTheLeaseExpires() {
    Lease a = leases.acquire("scheduler", "node-a", TTL, T0).orElseThrow();
    assertThat(a.holder()).isEqualTo("node-a");
    assertThat(a.expiresAt()).isEqualTo(T0.plus(TTL));
    assertThat(leases.acquire("scheduler", "node-b", TTL, T0.plusSeconds(29))).isEmpty();
    assertThat(leases.renew("scheduler", "node-b", TTL, T0.plusSeconds(29))).isFalse();

    Lease b = leases.acquire("scheduler", "node-b", TTL, T0.plus(TTL)).orElseThrow();
    assertThat(b.holder()).isEqualTo("node-b");
    assertThat(b.token()).isGreaterThan(a.token());
    assertThat(leases.renew("scheduler", "node-a", TTL, T0.plus(TTL))).isFalse();
    assertThat(leases.find("scheduler")).contains(b);
  }

  @Test
  void theHolderRenewsAndReacquiresWithoutANewToken() {
    Lease a = leases.acquire("scheduler", "node-a", TTL, T0).orElseThrow();
    assertThat(leases.renew("scheduler", "node-a", TTL, T0.plusSeconds(20))).isTrue();
    assertThat(leases.acquire("scheduler", "node-b", TTL, T0.plusSeconds(40))).isEmpty();
    Lease again = leases.acquire("scheduler", "node-a", TTL, T0.plusSeconds(45)).orElseThrow();
    assertThat(again.token()).isEqualTo(a.token());
    assertThat(again.expiresAt()).isEqualTo(T0.plusSeconds(75));
    assertThat(leases.renew("scheduler", "node-a", TTL, T0.plusSeconds(75))).as("expired").isFalse();
  }

  @Test
  void aReleasedLeaseIsFreeAtOnceAndItsTokenKeepsGrowing() {
    Lease a = leases.acquire("scheduler", "node-a", TTL, T0).orElseThrow();
    assertThat(leases.release("scheduler", "node-b")).isFalse();
    assertThat(leases.release("scheduler", "node-a")).isTrue();
    assertThat(leases.find("scheduler")).isEmpty();
    Lease b = leases.acquire("scheduler", "node-b", TTL, T0.plusSeconds(1)).orElseThrow();
    assertThat(b.token()).isGreaterThan(a.token());
    assertThat(leases.acquire("other", "node-a", TTL, T0)).isPresent();
  }

  @Test
  void racingNodesNeverBothAcquire() throws Exception {
    leases.acquire("scheduler", "node-0", TTL, T0);
    for (int round = 1; round <= 5; round++) {
      var at = T0.plus(TTL.multipliedBy(round));
      ExecutorService pool = Executors.newFixedThreadPool(4);
      CountDownLatch start = new CountDownLatch(1);
      try {
        List<Future<Optional<Lease>>> tries = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
          String node = "node-" + round + "-" + n;
          tries.add(pool.submit(() -> {
            start.await();
            return leases.acquire("scheduler", node, TTL, at);
          }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Optional<Lease>> f : tries) {
          winners += f.get().isPresent() ? 1 : 0;
        }
        assertThat(winners).as("round " + round).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> leases.acquire("", "a", TTL, T0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lease name");
    assertThatThrownBy(() -> leases.acquire("x", "a", Duration.ZERO, T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time to live");
  }
}
