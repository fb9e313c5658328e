package io.shopsense.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.core.collect.IngestSettings;
import io.shopsense.core.identity.IdentitySettings;
import io.shopsense.platform.PlatformSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The typed settings: their defaults equal the framework-free defaults, every key maps to the setting it names, and
 * every key is documented in the shipped application.yml.
 */
class SettingsTest {

  static PlatformSettings bind(Map<String, String> values) {
    Binder binder = new Binder(new MapConfigurationPropertySource(values));
    return PlatformConfiguration.toSettings(
        binder.bindOrCreate("shopsense.store", StoreProperties.class),
        binder.bindOrCreate("shopsense.ingest", IngestProperties.class),
        binder.bindOrCreate("shopsense.identity", IdentityProperties.class),
        binder.bindOrCreate("shopsense.lake", LakeProperties.class));
  }

  @Test
  void defaultsAreTheFrameworkFreeDefaults() {
    PlatformSettings s = bind(Map.of());

    assertThat(s.ingest()).isEqualTo(IngestSettings.defaults());
    assertThat(s.identity()).isEqualTo(IdentitySettings.defaults());
    assertThat(s.store().type()).isEqualTo("embedded");
    assertThat(s.store().dataDir()).isEqualTo(Path.of("./data").toAbsolutePath().normalize());
    assertThat(s.store().logFsync()).isTrue();
    assertThat(s.lake().directory()).isEqualTo(s.store().dataDir().resolve("lake"));
    assertThat(s.lake().flushEvents()).isEqualTo(100_000);
  }

  @Test
  void mapsEveryKey() {
    Map<String, String> v = new HashMap<>();
    v.put("shopsense.store.type", "postgres");
    v.put("shopsense.store.data-dir", "/tmp/ss");
    v.put("shopsense.store.fsync", "false");
    v.put("shopsense.store.segment-size", "16MB");
    v.put("shopsense.store.postgres.url", "jdbc:postgresql://db:5432/shop");
    v.put("shopsense.store.postgres.user", "shop");
    v.put("shopsense.store.postgres.password", "secret");
    v.put("shopsense.store.postgres.schema", "s1");
    v.put("shopsense.ingest.max-event-size", "1KB");
    v.put("shopsense.ingest.max-batch-size", "2MB");
    v.put("shopsense.ingest.max-batch-events", "7");
    v.put("shopsense.ingest.max-id-length", "30");
    v.put("shopsense.ingest.max-name-length", "40");
    v.put("shopsense.ingest.max-clock-skew", "1m");
    v.put("shopsense.ingest.max-event-age", "10d");
    v.put("shopsense.ingest.historical-floor", "2000-01-01T00:00:00Z");
    v.put("shopsense.ingest.late-after", "2h");
    v.put("shopsense.ingest.known-events-only", "true");
    v.put("shopsense.ingest.custom-events", "Wheel Spun,Game Won");
    v.put("shopsense.identity.max-identifiers-per-person", "9");
    v.put("shopsense.identity.unique-kinds", "user_id,email");
    v.put("shopsense.identity.trait-identifiers", "email,phone");
    v.put("shopsense.identity.cache-size", "10");
    v.put("shopsense.lake.dir", "/tmp/lake");
    v.put("shopsense.lake.flush-events", "5");
    v.put("shopsense.lake.flush-interval", "3s");
    v.put("shopsense.lake.compact-min-files", "3");
    v.put("shopsense.lake.memory-limit", "256MB");
    v.put("shopsense.lake.threads", "1");

    PlatformSettings s = bind(v);

    assertThat(s.store().type()).isEqualTo("postgres");
    assertThat(s.store().dataDir()).isEqualTo(Path.of("/tmp/ss"));
    assertThat(s.store().logFsync()).isFalse();
    assertThat(s.store().segmentBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(s.store().postgres().url()).isEqualTo("jdbc:postgresql://db:5432/shop");
    assertThat(s.store().postgres().user()).isEqualTo("shop");
    assertThat(s.store().postgres().password()).isEqualTo("secret");
    assertThat(s.store().postgres().schema()).isEqualTo("s1");
    assertThat(s.ingest()).isEqualTo(new IngestSettings(1024, 2 * 1024 * 1024, 7, 30, 40, Duration.ofMinutes(1),
        Duration.ofDays(10), Instant.parse("2000-01-01T00:00:00Z"), Duration.ofHours(2), true,
        Set.of("Wheel Spun", "Game Won")));
    assertThat(s.identity()).isEqualTo(new IdentitySettings(9, Set.of(IdentifierKind.USER_ID, IdentifierKind.EMAIL),
        Set.of(IdentifierKind.EMAIL, IdentifierKind.PHONE), 10));
    assertThat(s.lake().directory()).isEqualTo(Path.of("/tmp/lake"));
    assertThat(s.lake().flushEvents()).isEqualTo(5);
    assertThat(s.lake().flushInterval()).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.lake().compactMinFiles()).isEqualTo(3);
    assertThat(s.lake().memoryLimit()).isEqualTo("256MB");
    assertThat(s.lake().threads()).isEqualTo(1);
  }

  @Test
  void aDisabledLakeIsNotWritten() {
    assertThat(bind(Map.of("shopsense.lake.enabled", "false")).lake()).isNull();
  }

  @Test
  void refusesAnUnknownIdentifierKindNamingTheKnownOnes() {
    assertThatThrownBy(() -> bind(Map.of("shopsense.identity.unique-kinds", "passport")))
        .hasMessageContaining("shopsense.identity.unique-kinds").hasMessageContaining("user_id");
  }

  @Test
  void documentsEveryKeyInTheShippedApplicationYml() throws IOException {
    String yml;
    try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
      yml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<Class<?>, String> sections = Map.of(StoreProperties.class, "\n  store:",
        StoreProperties.Postgres.class, "\n    postgres:", IngestProperties.class, "\n  ingest:",
        IdentityProperties.class, "\n  identity:", LakeProperties.class, "\n  lake:");
    String shopsense = yml.substring(yml.indexOf("\nshopsense:"));
    sections.forEach((props, header) -> {
      String section = shopsense.substring(shopsense.indexOf(header));
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
