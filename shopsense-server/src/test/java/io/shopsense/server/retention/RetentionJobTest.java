package io.shopsense.server.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.SourceId;
import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.collect.IngestListener;
import io.shopsense.core.collect.IngestRequest;
import io.shopsense.core.identity.PersonIds;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.platform.Platform;
import io.shopsense.platform.PlatformSettings;
import io.shopsense.platform.RetentionReport;
import io.shopsense.server.config.RetentionProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job runs the platform's retention with the configured age, and nothing when retention is off. */
class RetentionJobTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @TempDir
  Path dir;

  @Test
  void runsRetentionWithTheConfiguredAgeAndDoesNothingWhenOff() throws Exception {
    PlatformSettings d = PlatformSettings.embedded(dir);
    // the events are behaviour: analytics is declared strictly necessary so that they are kept (not about consent)
    PlatformSettings settings = new PlatformSettings(d.store(), d.ingest(), d.identity(),
        d.lake().withFlushEvents(2), d.profile(), null, io.shopsense.core.consent.ConsentSettings.defaults()
            .withStrictlyNecessary(java.util.Map.of(io.shopsense.api.privacy.Purpose.ANALYTICS,
                io.shopsense.api.privacy.LawfulBasis.LEGITIMATE_INTERESTS)));
    try (Platform p = Platform.open(settings, Clock.fixed(NOW, ZoneOffset.UTC), PersonIds.sequential(),
        IngestListener.NONE).start()) {
      p.ingestor().ingest(List.of(event("old", "2024-01-05T10:00:00Z"), event("new", "2026-11-20T10:00:00Z")),
          IngestRequest.historical(SourceId.of("import"), NOW));
      if (!p.pipeline().awaitCaughtUp(Duration.ofMinutes(1))) {
        throw new AssertionError(p.pipeline().status());
      }

      try (RetentionJob off = new RetentionJob(p, new RetentionProperties(Duration.ZERO, Duration.ofHours(1)))) {
        assertThat(off.runNow()).isEmpty();
      }
      try (RetentionJob job = new RetentionJob(p, new RetentionProperties(Duration.ofDays(365), Duration.ofHours(1)))) {
        RetentionReport r = job.runNow().orElseThrow();

        assertThat(r.cutoff()).isEqualTo(NOW.minus(Duration.ofDays(365)));
        assertThat(r.lakePartitions()).containsExactlyInAnyOrder("events/event_date=2024-01-05",
            "lines/event_date=2024-01-05");
      }
    }
  }

  private static IncomingEvent event(String id, String at) {
    return IncomingEvent.of(JsonCodec.parse(("{'type':'track','event':'Product Viewed','messageId':'" + id
        + "','anonymousId':'a-1','timestamp':'" + at + "','properties':{'product_id':'p-1'}}").replace('\'', '"')),
        id);
  }
}
