package io.shopsense.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The serve timer's Prometheus buckets, summed over tags, as a window between two scrapes. */
class ServerHistogramTest {
  private static final String T = "shopsense_recommendations_serve_seconds";

  private static String[] scrape(int fastHome, int slowHome, int fastProduct) {
    return new String[] {
        "# HELP " + T + " time to serve",
        T + "_bucket{application=\"shopsense\",basis=\"personalised\",scene=\"home\",le=\"0.001\"} " + fastHome,
        T + "_bucket{application=\"shopsense\",basis=\"personalised\",scene=\"home\",le=\"0.01\"} "
            + (fastHome + slowHome),
        T + "_bucket{application=\"shopsense\",basis=\"personalised\",scene=\"home\",le=\"+Inf\"} "
            + (fastHome + slowHome),
        T + "_count{application=\"shopsense\",basis=\"personalised\",scene=\"home\"} " + (fastHome + slowHome),
        T + "_bucket{application=\"shopsense\",basis=\"non_personalised\",scene=\"product\",le=\"0.001\"} "
            + fastProduct,
        T + "_bucket{application=\"shopsense\",basis=\"non_personalised\",scene=\"product\",le=\"0.01\"} "
            + fastProduct,
        T + "_bucket{application=\"shopsense\",basis=\"non_personalised\",scene=\"product\",le=\"+Inf\"} "
            + fastProduct,
        T + "_count{application=\"shopsense\",basis=\"non_personalised\",scene=\"product\"} " + fastProduct,
        T + "_max{application=\"shopsense\",basis=\"personalised\",scene=\"home\"} 0.009"};
  }

  @Test
  void theWindowLeavesOutWhatWasRecordedBeforeIt() {
    // before the window: 1,000 slow warm-up requests; in it: 95 fast home, 3 slow home, 2 fast product
    ServerHistogram before = ServerHistogram.of(scrape(0, 1_000, 0), T, "basis");
    ServerHistogram after = ServerHistogram.of(scrape(95, 1_003, 2), T, "basis");

    assertThat(after.countSince(before)).isEqualTo(100);
    assertThat(after.quantileSince(before, 0.5)).isEqualTo(0.001);
    assertThat(after.quantileSince(before, 0.97)).isEqualTo(0.001);
    assertThat(after.quantileSince(before, 0.99)).isEqualTo(0.01);
    assertThat(after.countsSince(before)).containsExactlyInAnyOrderEntriesOf(
        java.util.Map.of("personalised", 98.0, "non_personalised", 2.0));
  }

  @Test
  void aTimerThatRecordedNothingHasNoQuantile() {
    ServerHistogram h = ServerHistogram.of(scrape(5, 0, 0), T, "basis");

    assertThat(h.quantileSince(h, 0.99)).isNaN();
    assertThat(ServerHistogram.of(new String[0], T, "basis").countSince(h)).isEqualTo(-5);
  }
}
