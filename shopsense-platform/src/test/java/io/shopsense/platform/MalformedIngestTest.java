package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.collect.QuarantineEntry;
import io.shopsense.api.collect.QuarantineQuery;
import io.shopsense.api.collect.QuarantineStatus;
import io.shopsense.api.id.SourceId;
import io.shopsense.core.collect.BatchOutcome;
import io.shopsense.core.collect.EventOutcome;
import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.collect.IngestRequest;
import io.shopsense.core.collect.QualityReport;
import io.shopsense.demo.DemoSettings;
import io.shopsense.demo.DemoShop;
import io.shopsense.demo.LabelledEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest with 10% malformed events, on the real embedded stores: every malformed one is in the quarantine with the
 * reason it was broken for, every valid one is in the log, and the counts reconcile exactly — in the answers, the
 * stores and the data-quality report.
 */
class MalformedIngestTest {
  @TempDir
  Path dir;

  @Test
  void tenPercentMalformedEventsReconcileExactly() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    DemoShop shop = DemoShop.of(DemoSettings.of(11, 30_000, now));
    List<LabelledEvent> events = shop.malformed(0.1).toList();
    Map<String, Long> expected = new TreeMap<>();
    Map<String, String> expectedByMessage = new HashMap<>();
    long valid = 0;
    for (LabelledEvent e : events) {
      if (e.valid()) {
        valid++;
      } else {
        expected.merge(e.expectedReason().orElseThrow(), 1L, Long::sum);
      }
    }
    assertThat(expected.values().stream().mapToLong(Long::longValue).sum()).isBetween(2_000L, 4_000L);

    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      Map<String, Long> answered = new TreeMap<>();
      long accepted = 0;
      List<Long> quarantineIds = new ArrayList<>();
      for (int i = 0; i < events.size(); i += 500) {
        List<IncomingEvent> batch = new ArrayList<>();
        for (int k = i; k < Math.min(events.size(), i + 500); k++) {
          batch.add(IncomingEvent.of(events.get(k).event(), "test [" + k + "]"));
        }
        BatchOutcome o = p.ingestor().ingest(batch, IngestRequest.live(SourceId.of("shop"), now));
        for (int k = 0; k < o.events().size(); k++) {
          EventOutcome e = o.events().get(k);
          LabelledEvent sent = events.get(i + k);
          assertThat(e.status() == EventOutcome.Status.REJECTED).as("event %d: %s", i + k, sent.defect())
              .isEqualTo(!sent.valid());
          if (e.status() == EventOutcome.Status.REJECTED) {
            assertThat(e.reason()).as("event %d: %s", i + k, sent.defect()).isEqualTo(sent.expectedReason().get());
            answered.merge(e.reason(), 1L, Long::sum);
            quarantineIds.add(e.quarantineId());
          } else {
            assertThat(e.status()).isEqualTo(EventOutcome.Status.ACCEPTED);
            accepted++;
          }
        }
      }

      assertThat(answered).isEqualTo(expected);
      assertThat(accepted).isEqualTo(valid);
      assertThat(p.stores().eventLog().count()).isEqualTo(valid);
      assertThat(p.stores().quarantine().countByStatus().get(QuarantineStatus.PENDING))
          .isEqualTo(events.size() - valid);
      // each rejected event is kept whole, with the reason it was given
      for (long id : quarantineIds.subList(0, 50)) {
        QuarantineEntry entry = p.stores().quarantine().find(id).orElseThrow();
        assertThat(entry.raw()).isNotBlank();
        assertThat(expected).containsKey(entry.reason());
      }
      Map<String, Long> inQuarantine = new TreeMap<>();
      for (QuarantineEntry e : p.stores().quarantine().list(new QuarantineQuery(null, null, null, 0, 100_000))
          .items()) {
        inQuarantine.merge(e.reason(), 1L, Long::sum);
      }
      assertThat(inQuarantine).isEqualTo(expected);
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      QualityReport.Figures shopFigures = p.quality().report(today, today).bySource().get("shop");
      assertThat(shopFigures.accepted()).isEqualTo(valid);
      assertThat(shopFigures.rejected()).isEqualTo(events.size() - valid);
      assertThat(shopFigures.rejectedByReason()).isEqualTo(expected);
    }
  }
}
