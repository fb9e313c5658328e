package io.shopsense.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Latency quantiles and the report line the load generator hands back to the bench. */
class LoadReportTest {

  @Test
  void quantilesAreExactRanksOfWhatWasRecorded() {
    LatencyRecord r = new LatencyRecord(1);
    for (long v = 100; v >= 1; v--) {
      r.add(v * 1_000);
    }

    LatencyRecord.Summary s = r.quantiles().summary();

    assertThat(r.size()).isEqualTo(100);
    assertThat(s).isEqualTo(new LatencyRecord.Summary(50_000, 99_000, 100_000, 100_000));
    assertThat(s.describe()).isEqualTo("p50 0.050 ms, p99 0.099 ms, p99.9 0.100 ms, max 0.100 ms");
  }

  @Test
  void theReportLineCarriesEveryFigureAndOutcome() {
    LoadReport report = new LoadReport(1_000, 61_000, 60_000, 59_990, 12, 999.8,
        new LatencyRecord.Summary(1_200_000, 8_000_000, 15_000_000, 40_000_000),
        new LatencyRecord.Summary(1_100_000, 7_000_000, 14_000_000, 39_000_000),
        Map.of("200", 59_990L, "HttpTimeoutException", 10L));

    String line = report.line();

    assertThat(LoadReport.isResult(line)).isTrue();
    assertThat(LoadReport.parse(line)).isEqualTo(report);
    assertThat(LoadReport.isResult(LoadReport.WINDOW_START + " 1000")).isFalse();
  }
}
