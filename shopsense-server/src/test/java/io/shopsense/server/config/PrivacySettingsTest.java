package io.shopsense.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.privacy.Purpose;
import io.shopsense.core.notice.NoticeSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code shopsense.audit.*} and {@code shopsense.privacy.*}: defaults, the full mapping, and their documentation. */
class PrivacySettingsTest {

  private static Binder binder(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values));
  }

  @Test
  void defaults() {
    AuditProperties audit = binder(Map.of()).bindOrCreate("shopsense.audit", AuditProperties.class);
    PrivacyProperties privacy = binder(Map.of()).bindOrCreate("shopsense.privacy", PrivacyProperties.class);

    assertThat(audit.enabled()).isTrue();
    assertThat(audit.personalReads()).contains("/v1/persons/**", "/v1/profiles/{person}", "/v1/me/**");
    assertThat(audit.unauditedWrites()).containsExactly("/v1/batch", "/v1/track", "/v1/identify", "/v1/page",
        "/v1/screen", "/v1/alias");
    assertThat(privacy.controllerName()).isEqualTo("This shop");
    assertThat(privacy.recipients()).isEmpty();
    assertThat(privacy.customerTokenTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(privacy.customerTokenSecret()).isNull();
    NoticeSettings notice = PrivacyConfiguration.toNotice(privacy, List.of(), null,
        PrivacyConfiguration.DEFAULT_REQUEST_DEADLINE);
    assertThat(notice.strictlyNecessary()).isEmpty();
    assertThat(notice.rawEventRetention()).isNull();
    assertThat(notice.requestDeadline()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void mapsEveryKey() {
    Map<String, String> v = new HashMap<>();
    v.put("shopsense.audit.enabled", "false");
    v.put("shopsense.audit.personal-reads", "/v1/x/**");
    v.put("shopsense.audit.unaudited-writes", "/v1/batch");
    v.put("shopsense.privacy.controller-name", "Demo Shop Ltd");
    v.put("shopsense.privacy.controller-contact", "privacy@demo.shop");
    v.put("shopsense.privacy.necessary-basis", "our contract with you");
    v.put("shopsense.privacy.recipients[0].name", "MailCo");
    v.put("shopsense.privacy.recipients[0].processor", "true");
    v.put("shopsense.privacy.recipients[0].purposes", "marketing_email");
    v.put("shopsense.privacy.recipients[0].country", "Ireland");
    v.put("shopsense.privacy.recipients[1].name", "AdNet");
    v.put("shopsense.privacy.recipients[1].processor", "false");
    v.put("shopsense.privacy.recipients[1].purposes", "third_party_sharing");
    v.put("shopsense.privacy.customer-token-ttl", "5m");
    v.put("shopsense.privacy.customer-token-secret", "c2VjcmV0");
    AuditProperties audit = binder(v).bindOrCreate("shopsense.audit", AuditProperties.class);
    PrivacyProperties privacy = binder(v).bindOrCreate("shopsense.privacy", PrivacyProperties.class);

    assertThat(audit).isEqualTo(new AuditProperties(false, List.of("/v1/x/**"), List.of("/v1/batch")));
    assertThat(privacy.customerTokenTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(privacy.customerTokenSecret()).isEqualTo("c2VjcmV0");
    NoticeSettings notice = PrivacyConfiguration.toNotice(privacy, List.of("analytics"), Duration.ofDays(90),
        Duration.ofDays(15));
    assertThat(notice).isEqualTo(new NoticeSettings("Demo Shop Ltd", "privacy@demo.shop",
        Map.of(Purpose.ANALYTICS, "our contract with you"), Duration.ofDays(90), Duration.ofDays(15), List.of(
            new NoticeSettings.Recipient("MailCo", true, Set.of(Purpose.MARKETING_EMAIL), "Ireland"),
            new NoticeSettings.Recipient("AdNet", false, Set.of(Purpose.THIRD_PARTY_SHARING), null))));
  }

  @Test
  void refusesAnUnknownPurposeNamingTheKnownOnes() {
    PrivacyProperties privacy = binder(Map.of()).bindOrCreate("shopsense.privacy", PrivacyProperties.class);

    assertThatThrownBy(() -> PrivacyConfiguration.toNotice(privacy, List.of("fun"), null, Duration.ofDays(30)))
        .hasMessageContaining("shopsense.consent.strictly-necessary").hasMessageContaining("marketing_email");
  }

  @Test
  void documentsEveryKeyInTheShippedApplicationYml() throws IOException {
    String yml;
    try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
      yml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String shopsense = yml.substring(yml.indexOf("\nshopsense:"));
    Map<Class<?>, String> sections = Map.of(AuditProperties.class, "\n  audit:", PrivacyProperties.class,
        "\n  privacy:");
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
