package io.shopsense.server.config;

import io.shopsense.api.privacy.Purpose;
import io.shopsense.core.notice.NoticeSettings;
import io.shopsense.platform.Platform;
import io.shopsense.platform.PlatformSettings;
import io.shopsense.server.security.CustomerTokens;
import io.shopsense.server.web.audit.AuditInterceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The privacy summary's settings, the customer tokens, and the request auditing. */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {
  /** The customer tokens' key file in the data directory, when no key is configured. */
  public static final String TOKEN_KEY_FILE = "customer-token-key";
  /** Until the data-subject request settings give one: a month, the GDPR's (PIPL's is 15 working days). */
  static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofDays(30);

  @Bean
  CustomerTokens customerTokens(PrivacyProperties privacy, PlatformSettings settings, Clock clock) {
    return new CustomerTokens(CustomerTokens.key(privacy.customerTokenSecret(),
        settings.store().dataDir().resolve(TOKEN_KEY_FILE)), clock, privacy.customerTokenTtl());
  }

  /**
   * The summary's inputs. The strictly necessary purposes, the retention of raw events and the request deadline are
   * other features' settings ({@code shopsense.consent.strictly-necessary}, {@code shopsense.retention.raw-events},
   * {@code shopsense.privacy-requests.deadline}), read here as they are configured.
   */
  @Bean
  NoticeSettings noticeSettings(PrivacyProperties privacy, PlatformSettings settings, Environment env) {
    Binder b = Binder.get(env);
    // shopsense.consent.strictly-necessary maps each purpose to its lawful basis; bound once, in the consent settings
    return toNotice(privacy,
        settings.consent().strictlyNecessary().keySet().stream().map(Purpose::wireName).toList(),
        b.bind("shopsense.retention.raw-events", Duration.class).orElse(null),
        b.bind("shopsense.privacy-requests.deadline", Duration.class).orElse(DEFAULT_REQUEST_DEADLINE));
  }

  /** The mapping to the summary's settings; public for its test. */
  public static NoticeSettings toNotice(PrivacyProperties p, List<String> strictlyNecessary, Duration retention,
      Duration requestDeadline) {
    Map<Purpose, String> necessary = new EnumMap<>(Purpose.class);
    for (String name : strictlyNecessary) {
      necessary.put(purpose(name, "shopsense.consent.strictly-necessary"), p.necessaryBasis());
    }
    List<NoticeSettings.Recipient> recipients = p.recipients().stream().map(r -> {
      Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
      r.purposes().forEach(n -> purposes.add(purpose(n, "shopsense.privacy.recipients[].purposes")));
      return new NoticeSettings.Recipient(r.name(), r.processor(), purposes, r.country());
    }).toList();
    return new NoticeSettings(p.controllerName(), p.controllerContact(), necessary, retention, requestDeadline,
        recipients);
  }

  private static Purpose purpose(String name, String key) {
    return Purpose.fromWire(name).orElseThrow(() -> new IllegalArgumentException(key + ": unknown purpose '" + name
        + "'; known: " + Arrays.stream(Purpose.values()).map(Purpose::wireName).collect(Collectors.joining(", "))));
  }

  @Bean
  WebMvcConfigurer auditedRequests(Platform platform, AuditProperties audit) {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        if (audit.enabled()) {
          registry.addInterceptor(new AuditInterceptor(platform.audit(), audit.personalReads(),
              audit.unauditedWrites())).addPathPatterns("/v1/**");
        }
      }
    };
  }
}
