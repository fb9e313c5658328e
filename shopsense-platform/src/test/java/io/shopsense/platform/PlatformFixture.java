package io.shopsense.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.id.SourceId;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.core.collect.BatchOutcome;
import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.collect.IngestListener;
import io.shopsense.core.collect.IngestRequest;
import io.shopsense.core.consent.ConsentSettings;
import io.shopsense.core.identity.PersonIds;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.lake.LakeQuery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Opens real platforms for tests, and the small steps tests share: ingest JSON, wait for the pipeline, ask the lake. */
final class PlatformFixture {
  private PlatformFixture() {}

  /**
   * The embedded defaults over {@code dir}, with a lake that flushes a fifth of a second after the log goes quiet.
   * These tests are about collection, identity, the lake and profiles, not consent, and send no consent: the fixture
   * declares analytics and personalisation strictly necessary so that every event is kept and every profile
   * personalised. The consent tests ({@code ConsentPlatformTest}) use {@link #nothingPreTicked}.
   */
  static PlatformSettings embedded(Path dir) {
    return nothingPreTicked(dir).withConsent(ConsentSettings.defaults().withStrictlyNecessary(Map.of(
        Purpose.ANALYTICS, LawfulBasis.LEGITIMATE_INTERESTS, Purpose.PERSONALISATION, LawfulBasis.LEGITIMATE_INTERESTS)));
  }

  /** Like {@link #embedded}, with the shipped consent defaults: nothing is pre-ticked. */
  static PlatformSettings nothingPreTicked(Path dir) {
    PlatformSettings d = PlatformSettings.embedded(dir);
    return new PlatformSettings(d.store(), d.ingest(), d.identity(), d.lake().withFlushInterval(Duration.ofMillis(200)),
        d.profile(), d.crypto());
  }

  static Platform open(PlatformSettings settings) {
    return Platform.open(settings, Clock.systemUTC(), PersonIds.sequential(), IngestListener.NONE).start();
  }

  /**
   * A started platform on {@link #embedded} settings whose clock the test moves: without the lake (its writer flushes
   * by the clock) and with the campaign scheduler and dispatchers off (the test ticks and dispatches itself).
   */
  static Platform openOnClock(Path dir, Clock clock,
      java.util.function.UnaryOperator<io.shopsense.platform.campaign.CampaignSettings> campaign) {
    PlatformSettings f = embedded(dir);
    PlatformSettings settings = new PlatformSettings(f.store(), f.ingest(), f.identity(), null, f.profile(),
        f.crypto(), f.consent());
    return Platform.open(settings.withCampaign(campaign.apply(settings.campaign().withEnabled(false))), clock,
        PersonIds.sequential(), IngestListener.NONE).start();
  }

  static BatchOutcome ingest(Platform platform, Instant receivedAt, String... events) {
    List<IncomingEvent> in = new ArrayList<>();
    for (int i = 0; i < events.length; i++) {
      in.add(IncomingEvent.of(JsonCodec.parse(events[i].replace('\'', '"')), "test [" + i + "]"));
    }
    return platform.ingestor().ingest(in, IngestRequest.live(SourceId.of("test"), receivedAt));
  }

  static void awaitPipeline(Platform platform) throws InterruptedException {
    if (!platform.pipeline().awaitCaughtUp(Duration.ofMinutes(5))) {
      throw new AssertionError("the pipeline did not catch up: " + platform.pipeline().status());
    }
  }

  /** The single value of a query over the platform's lake. */
  static Object lake(Platform platform, String sql) {
    try (LakeQuery q = new LakeQuery(platform.settings().lake())) {
      return q.query(sql, 10).rows().get(0).get(0);
    }
  }

  static long lakeLong(Platform platform, String sql) {
    return ((Number) lake(platform, sql)).longValue();
  }

  static JsonNode json(String singleQuoted) {
    return JsonCodec.parse(singleQuoted.replace('\'', '"'));
  }

  /** Where {@code needle} first occurs in {@code hay}, or -1 (for finding a person's id in files). */
  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
