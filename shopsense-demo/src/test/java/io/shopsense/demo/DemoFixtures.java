package io.shopsense.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.id.SourceId;
import io.shopsense.core.collect.IngestRequest;
import io.shopsense.core.collect.IngestSettings;
import io.shopsense.core.collect.internal.EventPreparer;
import java.time.Instant;

/** The fixed clock and the real ingest rules the demo shop's tests check against. */
final class DemoFixtures {
  /** The injected "now": the demo period is the 180 days before it, and events are ingested live at it. */
  static final Instant NOW = Instant.parse("2026-11-15T12:00:00Z");
  static final SourceId SOURCE = SourceId.of("demo");

  private DemoFixtures() {}

  static DemoSettings settings(long seed, long events) {
    return DemoSettings.of(seed, events, NOW);
  }

  static EventPreparer preparer() {
    return new EventPreparer(IngestSettings.defaults());
  }

  /** Prepares a copy of the event as live ingest at the end of the period would. */
  static EventPreparer.Prepared ingest(EventPreparer preparer, JsonNode event, Instant receivedAt) {
    return preparer.prepare(event.deepCopy(), IngestRequest.live(SOURCE, receivedAt));
  }
}
