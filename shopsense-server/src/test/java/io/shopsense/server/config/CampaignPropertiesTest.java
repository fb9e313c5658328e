package io.shopsense.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.campaign.Channel;
import io.shopsense.core.campaign.policy.ContactPolicySettings;
import io.shopsense.core.campaign.policy.QuietHours;
import io.shopsense.platform.campaign.CampaignSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code shopsense.campaigns.*}: the defaults, the mapping of every key to the platform's settings, the comments. */
class CampaignPropertiesTest {
  private static final Path DATA = Path.of("/tmp/shopsense-campaign-properties-test");

  private static CampaignProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("shopsense.campaigns", CampaignProperties.class);
  }

  @Test
  void defaultsAreThePlatformDefaultsWithoutEmailOrWebhooks() {
    CampaignSettings s = bind(Map.of()).toSettings(DATA);
    CampaignSettings d = CampaignSettings.defaults(DATA);

    assertThat(s.enabled()).isTrue();
    assertThat(s.linkBase()).isEqualTo("http://localhost:8080/s");
    assertThat(s.linkKeyFile()).isEqualTo(DATA.resolve("campaign-link.key"));
    assertThat(s.linkTtl()).isEqualTo(Duration.ofDays(30));
    assertThat(s.smtp()).isNull();
    assertThat(s.webhooks()).isEmpty();
    assertThat(s.channelOrder()).containsExactly(Channel.EMAIL, Channel.IN_APP, Channel.PUSH, Channel.SMS);
    assertThat(s.policy()).isEqualTo(ContactPolicySettings.defaults());
    // every value the record shares with the platform's own defaults
    assertThat(s).usingRecursiveComparison().ignoringFields("node").isEqualTo(d);
  }

  @Test
  void mapsEveryKey() {
    Map<String, String> v = new HashMap<>();
    String p = "shopsense.campaigns.";
    v.put(p + "enabled", "false");
    v.put(p + "link-base", "https://shop.example/s");
    v.put(p + "link-ttl", "10d");
    v.put(p + "dispatchers", "4");
    v.put(p + "dispatch-batch", "50");
    v.put(p + "dispatch-lease", "2m");
    v.put(p + "tick-every", "5s");
    v.put(p + "attribution-window", "3d");
    v.put(p + "slot-size", "6");
    v.put(p + "channel-order", "push, sms, email");
    v.put(p + "quiet-hours.start", "22:30");
    v.put(p + "quiet-hours.end", "07:00");
    v.put(p + "global-caps.per-day", "2");
    v.put(p + "global-caps.per-week", "5");
    v.put(p + "fatigue.after", "3");
    v.put(p + "fatigue.backoff", "14d");
    v.put(p + "smtp.host", "smtp.shop.example");
    v.put(p + "smtp.port", "465");
    v.put(p + "smtp.username", "news");
    v.put(p + "smtp.password", "secret");
    v.put(p + "smtp.start-tls", "false");
    v.put(p + "smtp.from", "Shop <news@shop.example>");
    v.put(p + "smtp.message-id-domain", "shop.example");
    v.put(p + "webhooks[0].channel", "sms");
    v.put(p + "webhooks[0].url", "https://sms.example/send");
    v.put(p + "webhooks[0].secret", "0123456789abcdef0123");
    v.put(p + "webhooks[0].timeout", "3s");
    v.put(p + "webhooks[1].channel", "push");
    v.put(p + "webhooks[1].url", "https://push.example/send");
    v.put(p + "webhooks[1].secret", "fedcba9876543210fedc");

    CampaignSettings s = bind(v).toSettings(DATA);

    assertThat(s.enabled()).isFalse();
    assertThat(s.linkBase()).isEqualTo("https://shop.example/s");
    assertThat(s.linkTtl()).isEqualTo(Duration.ofDays(10));
    assertThat(s.dispatchers()).isEqualTo(4);
    assertThat(s.dispatchBatch()).isEqualTo(50);
    assertThat(s.dispatchLease()).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.tickEvery()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.attributionWindow()).isEqualTo(Duration.ofDays(3));
    assertThat(s.slotSize()).isEqualTo(6);
    assertThat(s.channelOrder()).containsExactly(Channel.PUSH, Channel.SMS, Channel.EMAIL);
    assertThat(s.policy().quietHours()).isEqualTo(new QuietHours(LocalTime.of(22, 30), LocalTime.of(7, 0)));
    assertThat(s.policy().global()).isEqualTo(new ContactPolicySettings.Caps(2, 5));
    assertThat(s.policy().fatigueAfter()).isEqualTo(3);
    assertThat(s.policy().fatigueBackoff()).isEqualTo(Duration.ofDays(14));
    assertThat(s.smtp().host()).isEqualTo("smtp.shop.example");
    assertThat(s.smtp().port()).isEqualTo(465);
    assertThat(s.smtp().username()).isEqualTo("news");
    assertThat(s.smtp().password()).isEqualTo("secret");
    assertThat(s.smtp().startTls()).isFalse();
    assertThat(s.smtp().from()).isEqualTo("Shop <news@shop.example>");
    assertThat(s.smtp().messageIdDomain()).isEqualTo("shop.example");
    assertThat(s.webhooks()).hasSize(2);
    assertThat(s.webhooks().get(0).kind()).isEqualTo(Channel.SMS);
    assertThat(s.webhooks().get(0).url()).isEqualTo(URI.create("https://sms.example/send"));
    assertThat(s.webhooks().get(0).secret()).isEqualTo("0123456789abcdef0123");
    assertThat(s.webhooks().get(0).timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.webhooks().get(1).kind()).isEqualTo(Channel.PUSH);
    assertThat(s.webhooks().get(1).timeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void refusesAnUnknownChannelOrABadQuietHourNamingTheKey() {
    assertThatThrownBy(() -> bind(Map.of("shopsense.campaigns.channel-order", "email,fax")).toSettings(DATA))
        .hasMessageContaining("shopsense.campaigns.channel-order").hasMessageContaining("fax");
    assertThatThrownBy(() -> bind(Map.of("shopsense.campaigns.quiet-hours.start", "9pm")).toSettings(DATA))
        .hasMessageContaining("shopsense.campaigns.quiet-hours.start");
    assertThatThrownBy(() -> bind(Map.of("shopsense.campaigns.smtp.host", "smtp.shop.example")).toSettings(DATA))
        .hasMessageContaining("shopsense.campaigns.smtp");
  }

  @Test
  void documentsEveryKeyInTheShippedApplicationYml() {
    ShippedApplicationYml.assertEveryKeyCommented("campaigns", CampaignProperties.class);
  }
}
