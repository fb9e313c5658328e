package io.shopsense.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.core.privacy.PrivacyRequestSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code shopsense.privacy-requests.*}: defaults, the mapping of every key, and each key documented. */
class PrivacyRequestPropertiesTest {

  private static PrivacyRequestSettings bind(Map<String, String> values) {
    return PlatformConfiguration.toSettings(new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("shopsense.privacy-requests", PrivacyRequestProperties.class));
  }

  @Test
  void defaultsAreTheFrameworkFreeDefaults() {
    assertThat(bind(Map.of())).isEqualTo(PrivacyRequestSettings.defaults());
    assertThat(bind(Map.of()).deadline()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void mapsEveryKey() {
    PrivacyRequestSettings s = bind(Map.of("shopsense.privacy-requests.deadline", "14d",
        "shopsense.privacy-requests.erasure-catch-up", "2s"));

    assertThat(s).isEqualTo(new PrivacyRequestSettings(Duration.ofDays(14), Duration.ofSeconds(2)));
  }

  @Test
  void documentsEveryKeyInTheShippedApplicationYml() throws IOException {
    String yml;
    try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
      yml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String section = yml.substring(yml.indexOf("\nshopsense:")).substring(yml.substring(yml.indexOf("\nshopsense:"))
        .indexOf("\n  privacy-requests:"));
    for (var c : PrivacyRequestProperties.class.getRecordComponents()) {
      String key = c.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
      Matcher m = Pattern.compile("(?m)^    " + key + ":").matcher(section);
      assertThat(m.find()).as(key + " in application.yml").isTrue();
      String[] before = section.substring(0, m.start()).split("\n");
      assertThat(before[before.length - 1]).as("a comment above " + key).contains("#");
    }
  }
}
