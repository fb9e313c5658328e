package io.shopsense.core.campaign.delivery;

import io.shopsense.api.delivery.DeliveryChannel;
import io.shopsense.api.campaign.Channel;
import io.shopsense.api.delivery.DeliveryResult;
import io.shopsense.api.delivery.Outbox;
import io.shopsense.api.delivery.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Sends what the outbox holds: each {@link #runOnce() round} claims a batch of due messages under a fresh claim token
 * and a lease, delivers each through the channel of its kind and records the outcome — delivered; a retryable failure
 * back in the queue after the {@link RetryPolicy}'s back-off, or failed for good once the attempts are spent; a
 * permanent failure failed at once. Several dispatchers (threads or nodes) may run on one outbox: a claim is
 * exclusive, and one that outlived its lease (a crashed or stalled dispatcher) is taken over by the next round
 * anywhere. See the package comment for the delivery guarantee this gives.
 *
 * <p>Not thread-safe itself: one instance per dispatching thread (they may share the outbox and the channels).
 */
public final class OutboxDispatcher {
  private final Outbox outbox;
  private final Map<Channel, DeliveryChannel> channels = new EnumMap<>(Channel.class);
  private final RetryPolicy retry;
  private final Clock clock;
  private final RandomGenerator random;
  private final String node;
  private final Duration lease;
  private final int batchSize;
  private final String incarnation;
  private SendGate gate = SendGate.OPEN;
  private long round;

  /**
   * @param node      this dispatcher's name in claim tokens (a host and thread name)
   * @param lease     how long a claim holds: longer than a batch takes to deliver, since an unrecorded claim past
   *                  it may be delivered again by another dispatcher
   * @param batchSize messages claimed per round
   */
  public OutboxDispatcher(Outbox outbox, Collection<? extends DeliveryChannel> channels, RetryPolicy retry, Clock clock,
      RandomGenerator random, String node, Duration lease, int batchSize) {
    if (node == null || node.isBlank() || node.length() > 60) {
      throw new IllegalArgumentException("a dispatcher needs a node name of 1 to 60 characters, not " + node);
    }
    if (lease == null || lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("the claim lease must be positive, not " + lease);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("the batch size must be positive, not " + batchSize);
    }
    for (DeliveryChannel c : channels) {
      if (this.channels.put(c.kind(), c) != null) {
        throw new IllegalArgumentException("two channels for " + c.kind().wireName());
      }
    }
    this.outbox = outbox;
    this.retry = retry;
    this.clock = clock;
    this.random = random;
    this.node = node;
    this.lease = lease;
    this.batchSize = batchSize;
    // tokens of a restarted node with the same name must differ from those of its previous life
    this.incarnation = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
  }

  /** Asks {@code gate} before each delivery (for messages the contact-pressure policy held); returns this. */
  public OutboxDispatcher withGate(SendGate gate) {
    this.gate = gate == null ? SendGate.OPEN : gate;
    return this;
  }

  /** Claims one batch and delivers it; an empty report when nothing was due. */
  public DispatchReport runOnce() {
    String token = node + ":" + incarnation + ":" + (++round);
    List<OutboxEntry> batch = outbox.claim(token, clock.instant(), lease, batchSize);
    int delivered = 0;
    int retried = 0;
    int failed = 0;
    int lost = 0;
    int expired = 0;
    for (OutboxEntry entry : batch) {
      if (!clock.instant().isBefore(entry.leaseUntil())) {
        expired++; // another dispatcher may hold it by now: leave it
        continue;
      }
      switch (deliver(entry, token)) {
        case DELIVERED -> delivered++;
        case RETRIED -> retried++;
        case FAILED -> failed++;
        case LOST -> lost++;
        default -> throw new IllegalStateException();
      }
    }
    return new DispatchReport(batch.size(), delivered, retried, failed, lost, expired);
  }

  /** Runs rounds until one claims nothing (or {@code maxRounds} ran); the sum of their reports. */
  public DispatchReport drain(int maxRounds) {
    DispatchReport total = DispatchReport.EMPTY;
    for (int i = 0; i < maxRounds; i++) {
      DispatchReport r = runOnce();
      total = total.plus(r);
      if (r.claimed() == 0) {
        break;
      }
    }
    return total;
  }

  private enum Outcome { DELIVERED, RETRIED, FAILED, LOST }

  private Outcome deliver(OutboxEntry entry, String token) {
    DeliveryChannel channel = channels.get(entry.message().channel());
    if (channel == null) {
      return fail(entry, token, "no channel is configured for " + entry.message().channel().wireName()
          + "; configured: " + channels.keySet().stream().map(Channel::wireName).toList());
    }
    if (entry.attempts() > retry.maxAttempts()) {
      // claimed again and again without an outcome: its dispatchers keep dying on it
      return fail(entry, token, "claimed " + entry.attempts() + " times without an outcome (at most "
          + retry.maxAttempts() + " attempts)");
    }
    SendGate.Decision decision = gate.check(entry);
    if (decision instanceof SendGate.Drop drop) {
      return fail(entry, token, drop.reason());
    }
    if (decision instanceof SendGate.Defer defer) {
      return outbox.markRetry(entry.key(), token, defer.reason(), defer.until(), clock.instant()) ? Outcome.RETRIED
          : Outcome.LOST;
    }
    DeliveryResult result;
    try {
      result = channel.deliver(entry.message());
    } catch (RuntimeException e) {
      result = DeliveryResult.retry("channel " + channel.kind().wireName() + " threw " + e.getClass().getSimpleName()
          + ": " + e.getMessage());
    }
    Instant now = clock.instant();
    if (result instanceof DeliveryResult.Sent sent) {
      return outbox.markDelivered(entry.key(), token, sent.providerId(), now) ? Outcome.DELIVERED : Outcome.LOST;
    }
    if (result instanceof DeliveryResult.RetryableFailure failure && retry.mayRetry(entry.attempts())) {
      Instant due = now.plus(retry.delayAfter(entry.attempts(), random));
      return outbox.markRetry(entry.key(), token, failure.reason(), due, now) ? Outcome.RETRIED : Outcome.LOST;
    }
    String reason = result instanceof DeliveryResult.RetryableFailure
        ? "gave up after " + entry.attempts() + " attempts: " + result.detail()
        : result.detail();
    return fail(entry, token, reason);
  }

  private Outcome fail(OutboxEntry entry, String token, String reason) {
    return outbox.markFailed(entry.key(), token, reason, clock.instant()) ? Outcome.FAILED : Outcome.LOST;
  }
}
