package io.shopsense.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code shopsense.retention.*}: defaults, the mapping of every key, refusals, and the comments in application.yml. */
class RetentionPropertiesTest {

  private static RetentionProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("shopsense.retention", RetentionProperties.class);
  }

  @Test
  void keepsRawEventsForTwoYearsAndChecksHourlyByDefault() {
    RetentionProperties r = bind(Map.of());

    assertThat(r.rawEvents()).isEqualTo(Duration.ofDays(730));
    assertThat(r.checkEvery()).isEqualTo(Duration.ofHours(1));
    assertThat(r.enabled()).isTrue();
  }

  @Test
  void mapsEveryKey() {
    RetentionProperties r = bind(Map.of("shopsense.retention.raw-events", "90d",
        "shopsense.retention.check-every", "15m"));

    assertThat(r.rawEvents()).isEqualTo(Duration.ofDays(90));
    assertThat(r.checkEvery()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void zeroKeepsRawEventsForEver() {
    assertThat(bind(Map.of("shopsense.retention.raw-events", "0")).enabled()).isFalse();
  }

  @Test
  void refusesANegativeAgeAndANonPositiveInterval() {
    assertThatThrownBy(() -> bind(Map.of("shopsense.retention.raw-events", "-1d")))
        .isInstanceOf(BindException.class).hasStackTraceContaining("shopsense.retention.raw-events");
    assertThatThrownBy(() -> bind(Map.of("shopsense.retention.check-every", "0s")))
        .isInstanceOf(BindException.class).hasStackTraceContaining("shopsense.retention.check-every");
  }

  @Test
  void documentsEveryKeyInTheShippedApplicationYml() throws IOException {
    String yml;
    try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
      yml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String section = yml.substring(yml.indexOf("\nshopsense:")).substring(yml.substring(yml.indexOf("\nshopsense:"))
        .indexOf("\n  retention:"));
    for (var c : RetentionProperties.class.getRecordComponents()) {
      String key = c.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
      Matcher m = Pattern.compile("(?m)^    " + key + ":").matcher(section);
      assertThat(m.find()).as(key + " in application.yml").isTrue();
      String[] before = section.substring(0, m.start()).split("\n");
      assertThat(before[before.length - 1]).as("a comment above " + key).contains("#");
    }
  }
}
