package io.shopsense.server.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.api.id.SourceId;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.collect.IngestRequest;
import io.shopsense.core.consent.ConsentSettings;
import io.shopsense.demo.DemoShop;
import io.shopsense.platform.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the benches that load a generated shop in-process share. */
final class BenchShop {
  private static final int BATCH = 2_000;

  private BenchShop() {}

  /**
   * Consent for benches that measure storage, rebuilds and erasure rather than consent: analytics and personalisation
   * declared strictly necessary, so that no event is withheld.
   */
  static ConsentSettings everythingKept() {
    return ConsentSettings.defaults().withStrictlyNecessary(Map.of(Purpose.ANALYTICS,
        LawfulBasis.LEGITIMATE_INTERESTS, Purpose.PERSONALISATION, LawfulBasis.LEGITIMATE_INTERESTS));
  }

  /**
   * Sends the shop's events through the platform's ingest path as historical events in batches, printing progress
   * every million, and waits until the pipeline has caught up; returns how many events were sent.
   */
  static long load(Platform p, DemoShop shop, Instant receivedAt, long t0) throws InterruptedException {
    long n = 0;
    List<IncomingEvent> batch = new ArrayList<>(BATCH);
    for (Iterator<ObjectNode> it = shop.events().iterator(); it.hasNext(); ) {
      batch.add(IncomingEvent.of(it.next(), "e"));
      if (batch.size() == BATCH || !it.hasNext()) {
        p.ingestor().ingest(batch, IngestRequest.historical(SourceId.of("bench"), receivedAt));
        n += batch.size();
        batch.clear();
        if (n % 1_000_000 < BATCH) {
          System.out.printf(Locale.ROOT, "  loaded %,d events (%.0f s)%n", n, (System.nanoTime() - t0) / 1e9);
        }
      }
    }
    if (!p.pipeline().awaitCaughtUp(Duration.ofHours(2))) {
      throw new IllegalStateException("the pipeline did not catch up: " + p.pipeline().status());
    }
    return n;
  }
}
