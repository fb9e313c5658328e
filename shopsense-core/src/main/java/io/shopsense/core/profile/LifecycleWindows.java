package io.shopsense.core.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * When a customer stops being active and when they count as churned, measured from their last order. Configured, or
 * by default derived from the shop's own rhythm ({@link #fit}): the gaps between orders of its repeat customers.
 *
 * @param activeFor  a customer whose last order is at most this old is new (one order) or active
 * @param churnAfter a customer whose last order is older than this is churned; in between they are silent
 */
public record LifecycleWindows(Duration activeFor, Duration churnAfter) {
  /** The bounds a fitted window stays within, whatever the data says. */
  static final Duration MIN_ACTIVE = Duration.ofDays(7);
  static final Duration MAX_ACTIVE = Duration.ofDays(180);
  static final Duration MAX_CHURN = Duration.ofDays(730);
  /** Without repeat customers to learn from: a quarter and a year, common defaults for retail. */
  public static final LifecycleWindows DEFAULTS = new LifecycleWindows(Duration.ofDays(90), Duration.ofDays(365));

  public LifecycleWindows {
    if (activeFor.isNegative() || activeFor.isZero() || churnAfter.compareTo(activeFor) <= 0) {
      throw new IllegalArgumentException("lifecycle windows need 0 < activeFor < churnAfter, not " + activeFor
          + " and " + churnAfter);
    }
  }

  /**
   * From the mean gap between orders of every customer with two or more: active for the 75th percentile of those
   * gaps (at least a week, at most half a year), churned after three times that (at most two years). Too few repeat
   * customers (fewer than 20) give {@link #DEFAULTS}.
   */
  public static LifecycleWindows fit(Collection<BehaviourView> base) {
    return fitGaps(base.stream().filter(v -> v.daysBetweenOrders() != null)
        .mapToDouble(BehaviourView::daysBetweenOrders).toArray());
  }

  /** As {@link #fit}, from the mean gaps between orders (in days) of the repeat customers; sorts the array. */
  public static LifecycleWindows fitGaps(double[] gaps) {
    java.util.Arrays.sort(gaps);
    if (gaps.length < 20) {
      return DEFAULTS;
    }
    double p75 = gaps[(int) Math.min(gaps.length - 1, Math.ceil(0.75 * gaps.length) - 1)];
    Duration active = clamp(Duration.ofSeconds(Math.round(p75 * 86_400)), MIN_ACTIVE, MAX_ACTIVE);
    Duration churn = clamp(active.multipliedBy(3), active.plusDays(1), MAX_CHURN);
    return new LifecycleWindows(active, churn);
  }

  /** The stage of a person at {@code now}. */
  public LifecycleStage stage(BehaviourView person, Instant now) {
    if (person.orders() == 0 || person.lastOrder() == null) {
      return LifecycleStage.POTENTIAL;
    }
    Duration since = Duration.between(person.lastOrder(), now);
    if (since.compareTo(activeFor) <= 0) {
      return person.orders() == 1 ? LifecycleStage.NEW : LifecycleStage.ACTIVE;
    }
    return since.compareTo(churnAfter) <= 0 ? LifecycleStage.SILENT : LifecycleStage.CHURNED;
  }

  /** A stage and when the person entered it. */
  public record StageAt(LifecycleStage stage, Instant since) {}

  /**
   * The stage at {@code now} and when it began, from the person's first-seen time and order times (each with its
   * count of orders at that instant, ascending): a function of the events alone, so the real-time and the batch path
   * agree on it. Potential since first seen; new since the first order; active since the order that made them
   * active (a second order within the window, or an order after a lapse); silent and churned since the last order
   * plus {@link #activeFor} or {@link #churnAfter}.
   */
  public StageAt stageAt(Instant firstSeen, java.util.NavigableMap<Instant, Integer> orderTimes, Instant now) {
    long orders = orderTimes.values().stream().mapToLong(Integer::longValue).sum();
    StageAt known = stageWithoutOrderTimes(firstSeen, orders, orderTimes.isEmpty() ? null : orderTimes.lastKey(),
        now);
    if (known != null) {
      return known;
    }
    long seen = 0;
    Instant previous = null;
    Instant activeSince = null;
    for (java.util.Map.Entry<Instant, Integer> o : orderTimes.entrySet()) {
      boolean lapsed = previous != null && Duration.between(previous, o.getKey()).compareTo(activeFor) > 0;
      seen += o.getValue();
      if (seen >= 2 && (activeSince == null || lapsed)) {
        activeSince = o.getKey();
      }
      previous = o.getKey();
    }
    return new StageAt(LifecycleStage.ACTIVE, activeSince);
  }

  /**
   * The stage when the number of orders and the last order tell it — potential, new, silent, churned — or null for an
   * active customer, whose stage began at an order only the order times tell ({@link #stageAt}).
   */
  public StageAt stageWithoutOrderTimes(Instant firstSeen, long orders, Instant lastOrder, Instant now) {
    if (orders == 0 || lastOrder == null) {
      return new StageAt(LifecycleStage.POTENTIAL, firstSeen);
    }
    Duration since = Duration.between(lastOrder, now);
    if (since.compareTo(churnAfter) > 0) {
      return new StageAt(LifecycleStage.CHURNED, lastOrder.plus(churnAfter));
    }
    if (since.compareTo(activeFor) > 0) {
      return new StageAt(LifecycleStage.SILENT, lastOrder.plus(activeFor));
    }
    return orders == 1 ? new StageAt(LifecycleStage.NEW, lastOrder) : null;
  }

  private static Duration clamp(Duration d, Duration min, Duration max) {
    return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
  }
}
