package io.shopsense.store.contract.delivery;

import static io.shopsense.store.contract.delivery.DeliveryFixtures.T0;
import static io.shopsense.store.contract.delivery.DeliveryFixtures.inApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.delivery.DeliveryStatus;
import io.shopsense.api.delivery.Engagement;
import io.shopsense.api.delivery.Outbox;
import io.shopsense.api.delivery.OutboundMessage;
import io.shopsense.api.delivery.OutboxEntry;
import io.shopsense.api.delivery.StepReport;
import io.shopsense.api.id.PersonId;
import java.math.BigDecimal;
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
  protected static final Duration WINDOW = Duration.ofDays(7);
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
  void tracksTheFirstOfEachEngagementAndKeepsTheDeliveryTime() {
    DeliveryKey k = send("s1", 1, T0, DeliveryStatus.DELIVERED);
    assertThat(outbox.track(k, Engagement.OPENED, T0.plusSeconds(10))).isTrue();
    assertThat(outbox.track(k, Engagement.OPENED, T0.plusSeconds(5))).isFalse();
    assertThat(outbox.track(k, Engagement.CLICKED, T0.plusSeconds(20))).isTrue();
    assertThat(outbox.track(k, Engagement.CLICKED, T0.plusSeconds(30))).isFalse();
    assertThat(outbox.track(k, Engagement.UNSUBSCRIBED, T0.plusSeconds(40))).isTrue();
    assertThat(outbox.track(inApp("s1", 2).key(), Engagement.OPENED, T0)).isFalse();
    assertThat(outbox.track(inApp("other", 1).key(), Engagement.CLICKED, T0)).isFalse();
    // the delivery time is what attribution looks at: tracking must not move it
    assertThat(outbox.find(k).orElseThrow().updatedAt()).isEqualTo(T0);
    assertThat(outbox.report("journey:welcome")).singleElement().satisfies(r -> {
      assertThat(r.opened()).isEqualTo(1);
      assertThat(r.clicked()).isEqualTo(1);
      assertThat(r.unsubscribed()).isEqualTo(1);
    });
  }

  @Test
  void reportsEachStepWithItsStatusesEngagementsAndRevenue() {
    for (int p = 1; p <= 3; p++) {
      send("a", p, T0, DeliveryStatus.DELIVERED);
    }
    send("a", 4, T0, DeliveryStatus.FAILED);
    outbox.enqueue(inApp("a", 5), T0.plus(Duration.ofDays(30)), T0);
    DeliveryKey b = send("b", 6, T0, DeliveryStatus.DELIVERED);
    outbox.track(inApp("a", 1).key(), Engagement.OPENED, T0.plusSeconds(1));
    outbox.track(inApp("a", 1).key(), Engagement.OPENED, T0.plusSeconds(2));
    outbox.track(inApp("a", 1).key(), Engagement.CLICKED, T0.plusSeconds(2));
    outbox.track(inApp("a", 2).key(), Engagement.OPENED, T0.plusSeconds(3));
    outbox.track(inApp("a", 3).key(), Engagement.UNSUBSCRIBED, T0.plusSeconds(3));
    outbox.track(b, Engagement.OPENED, T0.plusSeconds(3));
    Instant orderAt = T0.plusSeconds(60);
    assertThat(outbox.attributeConversion(PersonId.of("p-1"), "o-1", orderAt, WINDOW, new BigDecimal("30.50")))
        .isPresent();
    assertThat(outbox.attributeConversion(PersonId.of("p-2"), "o-2", orderAt, WINDOW, new BigDecimal("19.5")))
        .isPresent();

    List<StepReport> report = outbox.report("journey:welcome");
    assertThat(report).extracting(StepReport::step).containsExactly("a", "b");
    StepReport a = report.get(0);
    assertThat(a.source()).isEqualTo("journey:welcome");
    assertThat(a.statuses()).containsEntry(DeliveryStatus.DELIVERED, 3L).containsEntry(DeliveryStatus.FAILED, 1L)
        .containsEntry(DeliveryStatus.QUEUED, 1L).containsEntry(DeliveryStatus.SENDING, 0L);
    assertThat(a.delivered()).isEqualTo(3);
    assertThat(List.of(a.opened(), a.clicked(), a.unsubscribed(), a.converted())).containsExactly(2L, 1L, 1L, 2L);
    assertThat(a.revenue()).isEqualByComparingTo("50.00");
    StepReport other = report.get(1);
    assertThat(other.delivered()).isEqualTo(1);
    assertThat(List.of(other.opened(), other.clicked(), other.unsubscribed(), other.converted()))
        .containsExactly(1L, 0L, 0L, 0L);
    assertThat(other.revenue()).isEqualByComparingTo("0");
    assertThat(outbox.report("journey:none")).isEmpty();
  }

  @Test
  void creditsAnOrderToTheLastMessageDeliveredWithinTheWindowOnce() {
    Instant day = T0;
    send("old", 1, day, DeliveryStatus.DELIVERED);
    DeliveryKey mid = send("mid", 1, day.plus(Duration.ofDays(5)), DeliveryStatus.DELIVERED);
    DeliveryKey last = send("last", 1, day.plus(Duration.ofDays(8)), DeliveryStatus.DELIVERED);
    send("failed", 1, day.plus(Duration.ofDays(9)), DeliveryStatus.FAILED);
    outbox.enqueue(inApp("queued", 1), day.plus(Duration.ofDays(30)), day.plus(Duration.ofDays(9)));
    send("someone-else", 2, day.plus(Duration.ofDays(9)), DeliveryStatus.DELIVERED);
    send("after", 1, day.plus(Duration.ofDays(11)), DeliveryStatus.DELIVERED);
    PersonId p1 = PersonId.of("p-1");
    Instant orderAt = day.plus(Duration.ofDays(10));

    assertThat(outbox.attributeConversion(p1, "o-1", orderAt, WINDOW, BigDecimal.TEN)).contains(last);
    assertThat(outbox.attributeConversion(p1, "o-1", orderAt, WINDOW, BigDecimal.TEN)).isEmpty();
    assertThat(outbox.attributeConversion(p1, "o-1", orderAt.plusSeconds(1), WINDOW, BigDecimal.ONE)).isEmpty();
    assertThat(outbox.attributeConversion(p1, "o-2", orderAt, WINDOW, BigDecimal.ONE)).contains(mid);
    // "old" is 10 days before the order, outside the 7-day window
    assertThat(outbox.attributeConversion(p1, "o-3", orderAt, WINDOW, BigDecimal.ONE)).isEmpty();
    // the window includes its start: "old" is exactly 7 days before this order
    assertThat(outbox.attributeConversion(p1, "o-4", day.plus(WINDOW), WINDOW, BigDecimal.ONE))
        .contains(inApp("old", 1).key());
    assertThat(outbox.attributeConversion(p1, "o-5", day.plus(WINDOW), WINDOW, BigDecimal.ONE)).isEmpty();
    assertThat(outbox.report("journey:welcome")).filteredOn(r -> r.step().equals("last")).singleElement()
        .satisfies(r -> assertThat(r.revenue()).isEqualByComparingTo("10"));
    assertThat(outbox.report("journey:welcome").stream().mapToLong(StepReport::converted).sum()).isEqualTo(3);
  }

  @Test
  void concurrentAttributionsCreditEachMessageAndEachOrderAtMostOnce() throws Exception {
    for (int i = 0; i < 10; i++) {
      send("s" + i, 1, T0.plusSeconds(i), DeliveryStatus.DELIVERED);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String[]>>> futures = new ArrayList<>(); // {order, credited message}
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> {
          List<String[]> mine = new ArrayList<>();
          for (int o = 0; o < 15; o++) {
            String order = "o-" + o;
            outbox.attributeConversion(PersonId.of("p-1"), order, T0.plusSeconds(60), WINDOW, BigDecimal.ONE)
                .ifPresent(k -> mine.add(new String[] {order, k.value()}));
          }
          return mine;
        }));
      }
      List<String> orders = new ArrayList<>();
      List<String> messages = new ArrayList<>();
      for (Future<List<String[]>> f : futures) {
        for (String[] credit : f.get()) {
          orders.add(credit[0]);
          messages.add(credit[1]);
        }
      }
      assertThat(orders).hasSize(10).doesNotHaveDuplicates();
      assertThat(messages).hasSize(10).doesNotHaveDuplicates();
      assertThat(outbox.report("journey:welcome").stream().map(StepReport::revenue).reduce(BigDecimal::add)
          .orElseThrow()).isEqualByComparingTo("10");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anErasureTakesTheEngagementsAndConversionsWithIt() {
    DeliveryKey k = send("s1", 1, T0, DeliveryStatus.DELIVERED);
    send("s1", 2, T0, DeliveryStatus.DELIVERED);
    outbox.track(k, Engagement.CLICKED, T0);
    outbox.attributeConversion(PersonId.of("p-1"), "o-1", T0, WINDOW, BigDecimal.TEN);
    assertThat(outbox.erase(PersonId.of("p-1"))).isEqualTo(1);
    assertThat(outbox.track(k, Engagement.OPENED, T0)).isFalse();
    assertThat(outbox.attributeConversion(PersonId.of("p-1"), "o-2", T0, WINDOW, BigDecimal.TEN)).isEmpty();
    assertThat(outbox.report("journey:welcome")).singleElement().satisfies(r -> {
      assertThat(r.delivered()).isEqualTo(1);
      assertThat(r.clicked()).isZero();
      assertThat(r.converted()).isZero();
      assertThat(r.revenue()).isEqualByComparingTo("0");
    });
  }

  /** Enqueues, claims and records the message to person {@code p-<person>} at {@code at}, with the outcome. */
  private DeliveryKey send(String step, int person, Instant at, DeliveryStatus outcome) {
    OutboundMessage m = inApp(step, person);
    outbox.enqueue(m, at, at);
    assertThat(outbox.claim("c", at, LEASE, 10)).extracting(OutboxEntry::key).containsExactly(m.key());
    boolean recorded = outcome == DeliveryStatus.DELIVERED ? outbox.markDelivered(m.key(), "c", "p", at)
        : outbox.markFailed(m.key(), "c", "bounced", at);
    assertThat(recorded).isTrue();
    return m.key();
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
    PersonId p = PersonId.of("p-1");
    assertThatThrownBy(() -> outbox.attributeConversion(p, " ", T0, WINDOW, BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order id");
    assertThatThrownBy(() -> outbox.attributeConversion(p, "o", T0, Duration.ofDays(-1), BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    assertThatThrownBy(() -> outbox.track(inApp("s", 1).key(), null, T0)).isInstanceOf(IllegalArgumentException.class);
  }
}
