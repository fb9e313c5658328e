package io.shopsense.lake;

import io.shopsense.api.collect.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic stream of shop events for volume tests and the bench: mostly product views, some pages, orders
 * with two lines and identifies, spread over {@code days} days in time order, with one event in a hundred arriving
 * late (up to three days after it happened).
 */
final class EventMix {
  private final TestEvents events = new TestEvents();
  private final Random random = new Random(42);
  private final Instant start;
  private final Duration step;
  private long index;
  private int orders;
  private int lines;

  EventMix(Instant start, int days, int total) {
    this.start = start;
    this.step = Duration.ofDays(days).dividedBy(total);
  }

  List<StoredEvent> next(int n) {
    List<StoredEvent> batch = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Instant at = start.plus(step.multipliedBy(index++));
      if (random.nextInt(100) == 0) {
        at = at.minus(Duration.ofMinutes(1 + random.nextInt(3 * 24 * 60)));
      }
      String user = "u" + random.nextInt(5_000);
      int kind = random.nextInt(100);
      if (kind < 10) {
        batch.add(events.order(user, "o" + index, at));
        orders++;
        lines += 2;
      } else if (kind < 20) {
        batch.add(events.page("a" + random.nextInt(5_000), at));
      } else if (kind < 22) {
        batch.add(events.identify(user, at));
      } else {
        batch.add(events.productViewed(user, "p" + random.nextInt(2_000), at));
        lines++;
      }
    }
    return batch;
  }

  int orders() {
    return orders;
  }

  /** The lines the events so far have. */
  int lines() {
    return lines;
  }
}
