package io.shopsense.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.TreeMap;

/** Counts the events of one pass as they are emitted, into a {@link DemoSummary}. */
final class SummaryCounter {
  private static final byte SEEN = 1;
  private static final byte KNOWN = 2;

  private final World world;
  private final long[] byKind = new long[Kind.ALL.length];
  private final byte[] seen;
  private final int[] orders;
  private long events;
  private long revenue;
  private long refunded;
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;

  SummaryCounter(World world) {
    this.world = world;
    this.seen = new byte[world.people];
    this.orders = new int[world.people];
  }

  void count(Ev e) {
    events++;
    byKind[e.kind.ordinal()]++;
    first = Math.min(first, e.ts);
    last = Math.max(last, e.ts);
    int p = e.person.index;
    seen[p] |= e.userId != null ? SEEN | KNOWN : SEEN;
    if (e.kind == Kind.ORDER_COMPLETED) {
      revenue += e.order.revenue();
      orders[p]++;
    } else if (e.kind == Kind.ORDER_REFUNDED) {
      refunded += e.order.revenue();
    }
  }

  DemoSummary summary() {
    TreeMap<String, Long> byName = new TreeMap<>();
    for (Kind k : Kind.ALL) {
      if (byKind[k.ordinal()] > 0) {
        byName.merge(k.summaryName, byKind[k.ordinal()], Long::sum);
      }
    }
    int people = 0;
    int customers = 0;
    int buyers = 0;
    int repeat = 0;
    for (int i = 0; i < seen.length; i++) {
      people += (seen[i] & SEEN) != 0 ? 1 : 0;
      customers += (seen[i] & KNOWN) != 0 ? 1 : 0;
      buyers += orders[i] > 0 ? 1 : 0;
      repeat += orders[i] > 1 ? 1 : 0;
    }
    int scale = world.money.scale();
    return new DemoSummary(events, byName, people, customers, buyers, repeat, world.catalog.size(),
        byKind[Kind.ORDER_COMPLETED.ordinal()], byKind[Kind.ORDER_CANCELLED.ordinal()],
        byKind[Kind.ORDER_REFUNDED.ordinal()], BigDecimal.valueOf(revenue, scale), BigDecimal.valueOf(refunded, scale),
        world.money.code(), events == 0 ? null : Instant.ofEpochMilli(first),
        events == 0 ? null : Instant.ofEpochMilli(last));
  }
}
