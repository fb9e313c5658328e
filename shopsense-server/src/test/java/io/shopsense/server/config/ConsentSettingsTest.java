package io.shopsense.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.core.consent.ConsentSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code shopsense.consent.*}: the defaults pre-tick nothing, every key maps, every key is documented. */
class ConsentSettingsTest {

  static ConsentSettings bind(Map<String, String> values) {
    return PlatformConfiguration.toSettings(new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("shopsense.consent", ConsentProperties.class));
  }

  @Test
  void defaultsAreTheFrameworkFreeDefaultsAndPreTickNothing() {
    assertThat(bind(Map.of())).isEqualTo(ConsentSettings.defaults());
    assertThat(bind(Map.of()).strictlyNecessary()).isEmpty();
  }

  @Test
  void mapsEveryKey() {
    ConsentSettings s = bind(Map.of("shopsense.consent.strictly-necessary.analytics", "legitimate_interests",
        "shopsense.consent.strictly-necessary.marketing_in_app", "contract",
        "shopsense.consent.follow-every", "100ms", "shopsense.consent.cache-ttl", "5s",
        "shopsense.consent.max-cached-persons", "10"));
    assertThat(s).isEqualTo(new ConsentSettings(Map.of(Purpose.ANALYTICS, LawfulBasis.LEGITIMATE_INTERESTS,
        Purpose.MARKETING_IN_APP, LawfulBasis.CONTRACT), Duration.ofMillis(100), Duration.ofSeconds(5), 10));
  }

  @Test
  void refusesUnknownPurposesAndBasesNamingTheKnownOnes() {
    assertThatThrownBy(() -> bind(Map.of("shopsense.consent.strictly-necessary.fishing", "contract")))
        .hasMessageContaining("fishing").hasMessageContaining("analytics");
    assertThatThrownBy(() -> bind(Map.of("shopsense.consent.strictly-necessary.analytics", "whim")))
        .hasMessageContaining("whim").hasMessageContaining("legitimate_interests");
    assertThatThrownBy(() -> bind(Map.of("shopsense.consent.strictly-necessary.analytics", "consent")))
        .hasMessageContaining("another basis than consent");
  }

  @Test
  void documentsEveryKeyInTheShippedApplicationYmlAndShipsNothingPreTicked() throws IOException {
    String yml;
    try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
      yml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String section = yml.substring(yml.indexOf("\n  consent:"));
    for (var c : ConsentProperties.class.getRecordComponents()) {
      String key = c.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
      var m = Pattern.compile("(?m)^ +" + key + ":(.*)$").matcher(section);
      assertThat(m.find()).as(key).isTrue();
      String[] before = section.substring(0, m.start()).split("\n");
      assertThat(before[before.length - 1]).as("a comment above " + key).contains("#");
      if (key.equals("strictly-necessary")) {
        assertThat(m.group(1).strip()).isEqualTo("{}");
      }
    }
  }
}
