package io.shopsense.store.contract.delivery;

import static io.shopsense.store.contract.delivery.DeliveryFixtures.T0;
import static io.shopsense.store.contract.delivery.DeliveryFixtures.inApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.delivery.DeliveryStatus;
import io.shopsense.api.delivery.Outbox;
import io.shopsense.api.delivery.OutboundMessage;
import io.shopsense.api.delivery.OutboxEntry;
import io.shopsense.api.id.PersonId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Outbox}. {@link #open()} gives the port over this test's storage (empty at the first call,
 * the same storage later); {@link #close()} closes it; {@link #reopen()} is a restart.
 */
public abstract class OutboxContract {
  protected static final Duration LEASE = Duration.ofMinutes(1);
  protected Outbox outbox;

  protected abstract Outbox open() throws Exception;

  protected abstract void close() throws Exception;

  protected Outbox reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openOutbox() throws Exception {
    outbox = open();
  }

  @AfterEach
  void closeOutbox() throws Exception {
    close();
  }

  @Test
  void enqueueingTheSameKeyTwiceIsANoOpAcrossARestart() throws Exception {
    OutboundMessage m = inApp("s1", 1);
    assertThat(outbox.enqueue(m, T0, T0)).isTrue();
    assertThat(outbox.enqueue(m, T0.plusSeconds(5), T0.plusSeconds(5))).isFalse();
    outbox = reopen();
    OutboundMessage changed = new OutboundMessage(m.key(), m.channel(), m.recipient(), "other subject", "other",
        "", "", java.util.Map.of());
    assertThat(outbox.enqueue(changed, T0, T0)).isFalse();

    OutboxEntry e = outbox.find(m.key()).orElseThrow();
    assertThat(e.message()).isEqualTo(m);
    assertThat(e.status()).isEqualTo(DeliveryStatus.QUEUED);
    assertThat(e.attempts()).isZero();
    assertThat(e.dueAt()).isEqualTo(T0);
    assertThat(e.claimToken()).isEmpty();
    assertThat(e.leaseUntil()).isNull();
  }

  @Test
  void enqueueingADeliveredKeyAgainDoesNotQueueItAgain() {
    OutboundMessage m = inApp("s1", 1);
    outbox.enqueue(m, T0, T0);
    OutboxEntry claimed = outbox.claim("a", T0, LEASE, 10).get(0);
    assertThat(outbox.markDelivered(m.key(), "a", "provider-1", T0)).isTrue();
    assertThat(outbox.enqueue(m, T0, T0.plusSeconds(1))).isFalse();
    assertThat(outbox.claim("b", T0.plusSeconds(2), LEASE, 10)).isEmpty();
    assertThat(outbox.find(claimed.key()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
  }

  @Test
  void aBatchCountsOnlyNewKeysAndRepeatsWithinItOnce() {
    List<Outbox.Pending> batch = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      batch.add(new Outbox.Pending(inApp("s1", i % 1000), T0));
    }
    assertThat(outbox.enqueue(batch, T0)).isEqualTo(1000);
    assertThat(outbox.enqueue(batch.subList(900, 1200), T0)).isZero();
    assertThat(outbox.enqueue(List.of(new Outbox.Pending(inApp("s2", 1), T0), new Outbox.Pending(inApp("s1", 1), T0)),
        T0)).isEqualTo(1);
    assertThat(outbox.statusCounts("journey:welcome").get(DeliveryStatus.QUEUED)).isEqualTo(1001);
  }

  @Test
  void claimsOnlyDueMessagesOldestFirstAndCountsTheAttempt() {
    outbox.enqueue(inApp("later", 1), T0.plusSeconds(60), T0);
    outbox.enqueue(inApp("second", 1), T0.minusSeconds(10), T0);
    outbox.enqueue(inApp("first", 1), T0.minusSeconds(20), T0);

    List<OutboxEntry> claimed = outbox.claim("d1", T0, LEASE, 10);
    assertThat(claimed).extracting(e -> e.key().step()).containsExactly("first", "second");
    assertThat(claimed).allSatisfy(e -> {
      assertThat(e.status()).isEqualTo(DeliveryStatus.SENDING);
      assertThat(e.claimToken()).isEqualTo("d1");
      assertThat(e.leaseUntil()).isEqualTo(T0.plus(LEASE));
      assertThat(e.attempts()).isEqualTo(1);
    });
    assertThat(outbox.claim("d2", T0, LEASE, 10)).isEmpty();
    claimed.forEach(e -> outbox.markDelivered(e.key(), "d1", "p", T0));
    assertThat(outbox.claim("d2", T0.plusSeconds(60), LEASE, 10)).extracting(e -> e.key().step())
        .containsExactly("later");
  }

  @Test
  void anExpiredClaimIsReclaimableAndTheOldHolderCanNoLongerRecord() {
    OutboundMessage m = inApp("s1", 1);
    outbox.enqueue(m, T0, T0);
    assertThat(outbox.claim("old", T0, LEASE, 10)).hasSize(1);
    assertThat(outbox.claim("new", T0.plus(LEASE).minusMillis(1), LEASE, 10)).isEmpty();

    List<OutboxEntry> retaken = outbox.claim("new", T0.plus(LEASE), LEASE, 10);
    assertThat(retaken).hasSize(1);
    assertThat(retaken.get(0).attempts()).isEqualTo(2);
    assertThat(outbox.markDelivered(m.key(), "old", "x", T0.plus(LEASE))).isFalse();
    assertThat(outbox.markFailed(m.key(), "old", "late", T0.plus(LEASE))).isFalse();
    assertThat(outbox.markDelivered(m.key(), "new", "provider-7", T0.plus(LEASE))).isTrue();
    OutboxEntry e = outbox.find(m.key()).orElseThrow();
    assertThat(e.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(e.detail()).isEqualTo("provider-7");
    assertThat(e.updatedAt()).isEqualTo(T0.plus(LEASE));
  }

  @Test
  void aRetryGoesBackToTheQueueUntilItsDueTime() {
    OutboundMessage m = inApp("s1", 1);
    outbox.enqueue(m, T0, T0);
    outbox.claim("a", T0, LEASE, 10);
    assertThat(outbox.markRetry(m.key(), "a", "smtp 451", T0.plusSeconds(30), T0)).isTrue();
    assertThat(outbox.markRetry(m.key(), "a", "again", T0.plusSeconds(30), T0)).isFalse();
    OutboxEntry e = outbox.find(m.key()).orElseThrow();
    assertThat(e.status()).isEqualTo(DeliveryStatus.QUEUED);
    assertThat(e.detail()).isEqualTo("smtp 451");
    assertThat(e.dueAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(outbox.claim("b", T0.plusSeconds(29), LEASE, 10)).isEmpty();
    assertThat(outbox.claim("b", T0.plusSeconds(30), LEASE, 10)).singleElement()
        .satisfies(x -> assertThat(x.attempts()).isEqualTo(2));
    assertThat(outbox.markFailed(m.key(), "b", "mailbox unknown", T0.plusSeconds(31))).isTrue();
    assertThat(outbox.find(m.key()).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(outbox.statusCounts("journey:welcome")).containsEntry(DeliveryStatus.FAILED, 1L)
        .containsEntry(DeliveryStatus.QUEUED, 0L);
  }

  @Test
  void concurrentClaimsNeverShareAMessage() throws Exception {
    List<Outbox.Pending> batch = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      batch.add(new Outbox.Pending(inApp("s1", i), T0));
    }
    outbox.enqueue(batch, T0);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<OutboxEntry>>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String token = "t" + t;
        Callable<List<OutboxEntry>> work = () -> {
          List<OutboxEntry> mine = new ArrayList<>();
          for (List<OutboxEntry> got; !(got = outbox.claim(token, T0, LEASE, 25)).isEmpty(); ) {
            mine.addAll(got);
          }
          return mine;
        };
        futures.add(pool.submit(work));
      }
      Set<Long> seen = new HashSet<>();
      int total = 0;
      for (Future<List<OutboxEntry>> f : futures) {
        for (OutboxEntry e : f.get()) {
          total++;
          seen.add(e.id());
        }
      }
      assertThat(total).isEqualTo(300);
      assertThat(seen).hasSize(300);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void erasesAPersonsMessages() {
    outbox.enqueue(inApp("s1", 1), T0, T0);
    outbox.enqueue(inApp("s2", 1), T0, T0);
    outbox.enqueue(inApp("s1", 2), T0, T0);
    assertThat(outbox.erase(PersonId.of("p-1"))).isEqualTo(2);
    assertThat(outbox.find(inApp("s1", 1).key())).isEmpty();
    assertThat(outbox.find(inApp("s1", 2).key())).isPresent();
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> outbox.claim("a", T0, LEASE, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> outbox.claim(" ", T0, LEASE, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("claim token");
    assertThatThrownBy(() -> outbox.claim("a", T0, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lease");
    assertThatThrownBy(() -> outbox.markFailed(inApp("s", 1).key(), "a", "", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
  }
}
