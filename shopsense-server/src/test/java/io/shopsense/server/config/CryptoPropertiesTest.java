package io.shopsense.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.core.crypto.CryptoSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code shopsense.crypto.*}: defaults, the mapping of every key, and its documentation in application.yml. */
class CryptoPropertiesTest {
  static final Path DATA = Path.of("/srv/shop/data");

  static CryptoSettings bind(Map<String, String> values, String envKey) {
    Binder binder = new Binder(new MapConfigurationPropertySource(values));
    return PlatformConfiguration.toSettings(binder.bindOrCreate("shopsense.crypto", CryptoProperties.class), DATA,
        envKey);
  }

  @Test
  void onByDefaultWithTheKeysBesideTheDataDirectory() {
    CryptoSettings s = bind(Map.of(), null);

    assertThat(s).isEqualTo(new CryptoSettings(Path.of("/srv/shop/data-keys"), null, true));
  }

  @Test
  void mapsEveryKeyAndTakesTheMasterKeyFromTheEnvironment() {
    CryptoSettings s = bind(Map.of("shopsense.crypto.key-dir", "/etc/shopsense/keys",
        "shopsense.crypto.seal-traits", "false"), "bWFzdGVy");

    assertThat(s).isEqualTo(new CryptoSettings(Path.of("/etc/shopsense/keys"), "bWFzdGVy", false));
    assertThat(bind(Map.of("shopsense.crypto.enabled", "false"), null)).isNull();
    assertThat(bind(Map.of(), " ").masterKey()).isNull();
  }

  @Test
  void refusesKeysInsideTheDataDirectory() {
    assertThatThrownBy(() -> bind(Map.of("shopsense.crypto.key-dir", "/srv/shop/data/keys"), null))
        .hasMessageContaining("inside the data directory");
  }

  @Test
  void documentsEveryKeyInTheShippedApplicationYml() throws IOException {
    String yml;
    try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
      yml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String section = yml.substring(yml.indexOf("\n  crypto:"));
    for (var c : CryptoProperties.class.getRecordComponents()) {
      String key = c.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
      Matcher m = Pattern.compile("(?m)^    " + key + ":").matcher(section);
      assertThat(m.find()).as(key + " in application.yml").isTrue();
      String[] before = section.substring(0, m.start()).split("\n");
      assertThat(before[before.length - 1]).as("a comment above " + key).contains("#");
    }
  }
}
