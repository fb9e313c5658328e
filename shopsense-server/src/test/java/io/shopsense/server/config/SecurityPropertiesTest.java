package io.shopsense.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.core.access.AccessSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** {@code shopsense.security.*}: defaults, the mapping of every key, and its documentation in application.yml. */
class SecurityPropertiesTest {

  static SecurityProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("shopsense.security", SecurityProperties.class);
  }

  @Test
  void defaultsAreTheFrameworkFreeDefaults() {
    SecurityProperties s = bind(Map.of());

    assertThat(s.toSettings()).isEqualTo(AccessSettings.defaults());
    assertThat(s.session().cookieSecure()).isTrue();
    assertThat(s.password().memory()).isEqualTo(DataSize.ofMegabytes(19));
    assertThat(s.password().iterations()).isEqualTo(2);
    assertThat(s.password().parallelism()).isEqualTo(1);
    assertThat(s.rateLimit().enabled()).isTrue();
    assertThat(s.rateLimit().ingest()).isEqualTo(new SecurityProperties.Limit(2000, Duration.ofSeconds(1)));
    assertThat(s.rateLimit().login()).isEqualTo(new SecurityProperties.Limit(10, Duration.ofMinutes(1)));
    assertThat(s.rateLimit().me()).isEqualTo(new SecurityProperties.Limit(120, Duration.ofMinutes(1)));
    assertThat(s.rateLimit().privacy()).isEqualTo(new SecurityProperties.Limit(60, Duration.ofMinutes(1)));
    assertThat(s.rateLimit().links()).isEqualTo(new SecurityProperties.Limit(600, Duration.ofMinutes(1)));
  }

  @Test
  void mapsEveryKey() {
    Map<String, String> v = new HashMap<>();
    v.put("shopsense.security.session.idle-timeout", "10m");
    v.put("shopsense.security.session.absolute-timeout", "2h");
    v.put("shopsense.security.session.cookie-secure", "false");
    v.put("shopsense.security.login.max-failures-per-user", "3");
    v.put("shopsense.security.login.max-failures-per-address", "7");
    v.put("shopsense.security.login.failure-window", "5m");
    v.put("shopsense.security.login.lockout", "1h");
    v.put("shopsense.security.password.min-length", "14");
    v.put("shopsense.security.password.memory", "64MB");
    v.put("shopsense.security.password.iterations", "3");
    v.put("shopsense.security.password.parallelism", "2");
    v.put("shopsense.security.rate-limit.enabled", "false");
    v.put("shopsense.security.rate-limit.ingest-requests", "11");
    v.put("shopsense.security.rate-limit.ingest-period", "2s");
    v.put("shopsense.security.rate-limit.login-requests", "12");
    v.put("shopsense.security.rate-limit.login-period", "3m");
    v.put("shopsense.security.rate-limit.me-requests", "13");
    v.put("shopsense.security.rate-limit.me-period", "4m");
    v.put("shopsense.security.rate-limit.privacy-requests", "14");
    v.put("shopsense.security.rate-limit.privacy-period", "5m");
    v.put("shopsense.security.rate-limit.link-requests", "15");
    v.put("shopsense.security.rate-limit.link-period", "6m");

    SecurityProperties s = bind(v);

    assertThat(s.toSettings()).isEqualTo(new AccessSettings(Duration.ofMinutes(10), Duration.ofHours(2), 3, 7,
        Duration.ofMinutes(5), Duration.ofHours(1), 14));
    assertThat(s.session().cookieSecure()).isFalse();
    assertThat(s.password().memory()).isEqualTo(DataSize.ofMegabytes(64));
    assertThat(s.password().iterations()).isEqualTo(3);
    assertThat(s.password().parallelism()).isEqualTo(2);
    assertThat(s.rateLimit().enabled()).isFalse();
    assertThat(s.rateLimit().ingest()).isEqualTo(new SecurityProperties.Limit(11, Duration.ofSeconds(2)));
    assertThat(s.rateLimit().login()).isEqualTo(new SecurityProperties.Limit(12, Duration.ofMinutes(3)));
    assertThat(s.rateLimit().me()).isEqualTo(new SecurityProperties.Limit(13, Duration.ofMinutes(4)));
    assertThat(s.rateLimit().privacy()).isEqualTo(new SecurityProperties.Limit(14, Duration.ofMinutes(5)));
    assertThat(s.rateLimit().links()).isEqualTo(new SecurityProperties.Limit(15, Duration.ofMinutes(6)));
  }

  @Test
  void documentsEveryKeyInTheShippedApplicationYml() throws IOException {
    String yml;
    try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
      yml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String security = yml.substring(yml.indexOf("\n  security:"));
    Map<Class<?>, String> sections = Map.of(SecurityProperties.Session.class, "\n    session:",
        SecurityProperties.Login.class, "\n    login:", SecurityProperties.Password.class, "\n    password:",
        SecurityProperties.RateLimit.class, "\n    rate-limit:");
    sections.forEach((props, header) -> {
      assertThat(security).contains(header);
      String section = security.substring(security.indexOf(header));
      for (var c : props.getRecordComponents()) {
        String key = c.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
        Matcher m = Pattern.compile("(?m)^ +" + key + ":").matcher(section);
        assertThat(m.find()).as(props.getSimpleName() + "." + c.getName() + " in application.yml").isTrue();
        String[] before = section.substring(0, m.start()).split("\n");
        assertThat(before[before.length - 1]).as("a comment above " + key).contains("#");
      }
    });
  }
}
