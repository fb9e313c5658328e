package io.shopsense.store.contract.delivery;

import static io.shopsense.store.contract.delivery.DeliveryFixtures.T0;
import static io.shopsense.store.contract.delivery.DeliveryFixtures.inApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.delivery.DeliveryChannel;
import io.shopsense.api.campaign.Channel;
import io.shopsense.api.delivery.DeliveryResult;
import io.shopsense.api.delivery.DeliveryStatus;
import io.shopsense.api.delivery.Inbox;
import io.shopsense.api.delivery.Outbox;
import io.shopsense.api.delivery.OutboundMessage;
import io.shopsense.api.delivery.OutboxEntry;
import io.shopsense.api.id.PersonId;
import io.shopsense.core.campaign.delivery.DispatchReport;
import io.shopsense.core.campaign.delivery.InboxChannel;
import io.shopsense.core.campaign.delivery.OutboxDispatcher;
import io.shopsense.core.campaign.delivery.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher over a backend's real outbox and inbox: exactly-once delivery across crashes, retries with back-off,
 * permanent failures, concurrent dispatchers. {@link #open()} gives both ports over this test's storage.
 */
public abstract class OutboxDispatchContract {
  protected static final Duration LEASE = Duration.ofSeconds(30);
  private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(10), 3.0, Duration.ofMinutes(5),
      0.2);

  /** The two ports over one database. */
  public record Stores(Outbox outbox, Inbox inbox) {}

  protected abstract Stores open() throws Exception;

  protected abstract void close() throws Exception;

  protected Outbox outbox;
  protected Inbox inbox;
  protected final SettableClock clock = new SettableClock(T0);

  @BeforeEach
  void openStores() throws Exception {
    Stores s = open();
    outbox = s.outbox();
    inbox = s.inbox();
  }

  @AfterEach
  void closeStores() throws Exception {
    close();
  }

  /** A provider in front of the real inbox channel that counts every call per key and can be scripted to fail. */
  protected class ScriptedChannel implements DeliveryChannel {
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final DeliveryChannel inner = new InboxChannel(inbox, clock);
    private final Function<Integer, DeliveryResult> beforeDelivery;
    private final boolean crashAfterDelivery;

    ScriptedChannel(Function<Integer, DeliveryResult> beforeDelivery, boolean crashAfterDelivery) {
      this.beforeDelivery = beforeDelivery;
      this.crashAfterDelivery = crashAfterDelivery;
    }

    @Override
    public Channel kind() {
      return Channel.IN_APP;
    }

    @Override
    public DeliveryResult deliver(OutboundMessage message) {
      int call = calls.computeIfAbsent(message.key().value(), k -> new AtomicInteger()).incrementAndGet();
      DeliveryResult scripted = beforeDelivery.apply(call);
      if (scripted != null) {
        return scripted;
      }
      DeliveryResult result = inner.deliver(message);
      if (crashAfterDelivery) {
        throw new SimulatedCrash();
      }
      return result;
    }

    @Override
    public boolean idempotent() {
      return true;
    }

    int calls(OutboundMessage m) {
      AtomicInteger n = calls.get(m.key().value());
      return n == null ? 0 : n.get();
    }
  }

  /** The process dying: an {@link Error}, which the dispatcher does not catch, so nothing is recorded. */
  protected static final class SimulatedCrash extends Error {
    SimulatedCrash() {
      super("simulated crash of the dispatching process");
    }
  }

  private ScriptedChannel working() {
    return new ScriptedChannel(call -> null, false);
  }

  private OutboxDispatcher dispatcher(String node, DeliveryChannel channel, long seed) {
    return new OutboxDispatcher(outbox, List.of(channel), RETRY, clock, new SplittableRandom(seed), node, LEASE, 50);
  }

  @Test
  void aDispatcherThatDiedAfterItsClaimIsTakenOverOnceTheLeaseEnds() {
    OutboundMessage m = inApp("welcome-1", 1);
    outbox.enqueue(m, T0, T0);
    assertThat(outbox.claim("crashed-node:1", T0, LEASE, 10)).hasSize(1); // ... and the process died

    ScriptedChannel provider = working();
    OutboxDispatcher survivor = dispatcher("node-b", provider, 2);
    assertThat(survivor.runOnce().claimed()).as("the claim still holds").isZero();
    clock.advance(LEASE);
    DispatchReport report = survivor.runOnce();

    assertThat(report.delivered()).isEqualTo(1);
    assertThat(provider.calls(m)).isEqualTo(1);
    assertThat(inbox.list(PersonId.of("p-1"), false, 10)).hasSize(1);
    OutboxEntry e = outbox.find(m.key()).orElseThrow();
    assertThat(e.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(e.attempts()).isEqualTo(2);
    assertThat(outbox.markDelivered(m.key(), "crashed-node:1", "late", clock.instant())).isFalse();
  }

  @Test
  void aCrashBetweenSendingAndRecordingDeliversOnceThroughAnIdempotentChannel() {
    OutboundMessage m = inApp("welcome-1", 1);
    outbox.enqueue(m, T0, T0);
    ScriptedChannel dying = new ScriptedChannel(call -> null, true);
    assertThatThrownBy(() -> dispatcher("node-a", dying, 1).runOnce()).isInstanceOf(SimulatedCrash.class);
    assertThat(outbox.find(m.key()).orElseThrow().status()).isEqualTo(DeliveryStatus.SENDING);

    clock.advance(LEASE);
    ScriptedChannel provider = working();
    assertThat(dispatcher("node-b", provider, 2).drain(5).delivered()).isEqualTo(1);
    // the provider saw the key twice (at-least-once between claim and record) but keeps one message
    assertThat(dying.calls(m) + provider.calls(m)).isEqualTo(2);
    assertThat(inbox.list(PersonId.of("p-1"), false, 10)).singleElement()
        .satisfies(x -> assertThat(x.key()).isEqualTo(m.key().value()));
    assertThat(outbox.find(m.key()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
  }

  @Test
  void aStepRunAgainAfterDeliverySendsNothing() {
    OutboundMessage m = inApp("welcome-1", 1);
    ScriptedChannel provider = working();
    OutboxDispatcher d = dispatcher("node-a", provider, 1);
    outbox.enqueue(m, T0, T0);
    d.drain(5);
    for (int rerun = 0; rerun < 3; rerun++) {
      assertThat(outbox.enqueue(m, clock.instant(), clock.instant())).isFalse();
      clock.advance(LEASE.multipliedBy(2));
      assertThat(d.drain(5).claimed()).isZero();
    }
    assertThat(provider.calls(m)).isEqualTo(1);
  }

  @Test
  void retriesWithGrowingJitteredBackOffThenDelivers() {
    OutboundMessage m = inApp("welcome-1", 1);
    outbox.enqueue(m, T0, T0);
    ScriptedChannel flaky = new ScriptedChannel(call -> call <= 2 ? DeliveryResult.retry("503 try later") : null,
        false);
    OutboxDispatcher d = dispatcher("node-a", flaky, 42);

    assertThat(d.runOnce().retried()).isEqualTo(1);
    Duration firstWait = Duration.between(T0, outbox.find(m.key()).orElseThrow().dueAt());
    assertThat(firstWait).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
    assertThat(d.runOnce().claimed()).as("not due yet").isZero();

    clock.advance(firstWait);
    Instant second = clock.instant();
    assertThat(d.runOnce().retried()).isEqualTo(1);
    OutboxEntry afterSecond = outbox.find(m.key()).orElseThrow();
    Duration secondWait = Duration.between(second, afterSecond.dueAt());
    assertThat(secondWait).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(36));
    assertThat(afterSecond.detail()).isEqualTo("503 try later");

    clock.advance(secondWait);
    assertThat(d.runOnce().delivered()).isEqualTo(1);
    OutboxEntry done = outbox.find(m.key()).orElseThrow();
    assertThat(done.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(done.attempts()).isEqualTo(3);
    assertThat(done.detail()).startsWith("inbox:");
  }

  @Test
  void givesUpAfterTheLastAttemptAndFailsPermanentErrorsAtOnce() {
    OutboundMessage flakyMessage = inApp("welcome-1", 1);
    OutboundMessage badMessage = inApp("welcome-1", 2);
    outbox.enqueue(flakyMessage, T0, T0);
    outbox.enqueue(badMessage, T0, T0);
    ScriptedChannel channel = new ScriptedChannel(call -> null, false) {
      @Override
      public DeliveryResult deliver(OutboundMessage message) {
        calls.computeIfAbsent(message.key().value(), k -> new AtomicInteger()).incrementAndGet();
        return message.equals(badMessage) ? DeliveryResult.permanent("recipient unknown")
            : DeliveryResult.retry("timeout");
      }
    };
    OutboxDispatcher d = dispatcher("node-a", channel, 7);
    for (int i = 0; i < 5; i++) {
      d.runOnce();
      clock.advance(Duration.ofMinutes(10));
    }
    OutboxEntry flaky = outbox.find(flakyMessage.key()).orElseThrow();
    assertThat(flaky.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(flaky.detail()).isEqualTo("gave up after 3 attempts: timeout");
    assertThat(channel.calls(flakyMessage)).isEqualTo(3);
    OutboxEntry bad = outbox.find(badMessage.key()).orElseThrow();
    assertThat(bad.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(bad.detail()).isEqualTo("recipient unknown");
    assertThat(channel.calls(badMessage)).isEqualTo(1);
  }

  @Test
  void aMessageForAChannelNobodyConfiguredFailsWithTheKnownOnes() {
    OutboundMessage sms = OutboundMessage.text(DeliveryFixtures.key("welcome", "s1", 1), Channel.SMS,
        "+4915112345678", "", "Hi");
    outbox.enqueue(sms, T0, T0);
    dispatcher("node-a", working(), 1).runOnce();
    assertThat(outbox.find(sms.key()).orElseThrow().detail())
        .isEqualTo("no channel is configured for sms; configured: [in_app]");
  }

  @Test
  void concurrentDispatchersDeliverEachMessageExactlyOnce() throws Exception {
    List<Outbox.Pending> batch = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      batch.add(new Outbox.Pending(inApp("welcome-1", i), T0));
    }
    outbox.enqueue(batch, T0);
    ScriptedChannel provider = working();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<DispatchReport>> runs = new ArrayList<>();
      for (int n = 0; n < 3; n++) {
        OutboxDispatcher d = new OutboxDispatcher(outbox, List.of(provider), RETRY, clock, new SplittableRandom(n),
            "node-" + n, LEASE, 20);
        runs.add(pool.submit(() -> d.drain(100)));
      }
      int delivered = 0;
      for (Future<DispatchReport> f : runs) {
        delivered += f.get().delivered();
      }
      assertThat(delivered).isEqualTo(200);
    } finally {
      pool.shutdownNow();
    }
    assertThat(provider.calls).hasSize(200).allSatisfy((k, n) -> assertThat(n.get()).as(k).isEqualTo(1));
    assertThat(outbox.statusCounts("journey:welcome")).containsEntry(DeliveryStatus.DELIVERED, 200L);
  }
}
