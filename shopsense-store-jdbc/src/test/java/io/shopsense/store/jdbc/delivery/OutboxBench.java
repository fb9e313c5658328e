package io.shopsense.store.jdbc.delivery;

import io.shopsense.api.delivery.DeliveryChannel;
import io.shopsense.api.campaign.Channel;
import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.delivery.DeliveryResult;
import io.shopsense.api.delivery.Outbox;
import io.shopsense.api.delivery.OutboundMessage;
import io.shopsense.api.id.PersonId;
import io.shopsense.core.campaign.delivery.DispatchReport;
import io.shopsense.core.campaign.delivery.OutboxDispatcher;
import io.shopsense.core.campaign.delivery.RetryPolicy;
import io.shopsense.store.contract.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The outbox's throughput in one process: enqueueing a campaign's messages in batches of 10,000 (then the same again,
 * all duplicates), and one dispatcher draining them through a channel that does nothing (the store's cost alone).
 * Not a test: {@code java ... OutboxBench [messages] [h2|postgres]}; PostgreSQL as {@link PostgresTestDatabase}
 * finds it.
 */
public final class OutboxBench {
  private OutboxBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    String backend = args.length > 1 ? args[1] : "h2";
    Path dir = Files.createTempDirectory("outbox-bench-");
    PostgresTestDatabase pg = new PostgresTestDatabase();
    DeliveryDatabase db = backend.equals("postgres") ? DeliveryDatabase.postgres(pg) : DeliveryDatabase.h2(() -> dir);
    try (db) {
      Outbox outbox = db.open().outbox();
      Instant now = Instant.parse("2026-03-01T10:00:00Z");
      long start = System.nanoTime();
      int added = enqueue(outbox, n, now);
      double enqueueS = seconds(start);
      start = System.nanoTime();
      int again = enqueue(outbox, n, now);
      double duplicateS = seconds(start);
      DeliveryChannel nothing = new DeliveryChannel() {
        @Override
        public Channel kind() {
          return Channel.EMAIL;
        }

        @Override
        public DeliveryResult deliver(OutboundMessage message) {
          return DeliveryResult.sent("x");
        }

        @Override
        public boolean idempotent() {
          return true;
        }
      };
      OutboxDispatcher d = new OutboxDispatcher(outbox, List.of(nothing), RetryPolicy.DEFAULT,
          Clock.fixed(now, java.time.ZoneOffset.UTC), new SplittableRandom(1), "bench", Duration.ofMinutes(5), 500);
      start = System.nanoTime();
      DispatchReport r = d.drain(Integer.MAX_VALUE);
      double dispatchS = seconds(start);
      System.out.printf("%s: enqueue %,d new in %.1f s (%,.0f/s); %,d duplicates (%d new) in %.1f s (%,.0f/s); "
          + "dispatch %,d in %.1f s (%,.0f/s)%n", backend, added, enqueueS, added / enqueueS, n, again, duplicateS,
          n / duplicateS, r.delivered(), dispatchS, r.delivered() / dispatchS);
    } finally {
      if (backend.equals("postgres")) {
        try (var c = pg.connect(); var s = c.createStatement()) {
          s.execute("drop schema " + db.schema() + " cascade");
        }
      }
    }
  }

  private static int enqueue(Outbox outbox, int n, Instant now) {
    int added = 0;
    List<Outbox.Pending> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      DeliveryKey key = DeliveryKey.campaign("spring-sale", PersonId.of("person-" + i));
      batch.add(new Outbox.Pending(new OutboundMessage(key, Channel.EMAIL, "person" + i + "@example.com",
          "Spring sale: 20% off for you", "Hello " + i + ", our spring sale has started. Shop now.",
          "<p>Hello " + i + ", our <b>spring sale</b> has started.</p>", "https://shop.example/u?t=" + i, Map.of()),
          now));
      if (batch.size() == 10_000) {
        added += outbox.enqueue(batch, now);
        batch.clear();
      }
    }
    return added + outbox.enqueue(batch, now);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
