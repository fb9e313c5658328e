package io.shopsense.server.security;

import io.shopsense.core.access.AccessAudit;
import io.shopsense.core.access.ConsoleSessionService;
import io.shopsense.core.access.ConsoleUserService;
import io.shopsense.core.access.PasswordHasher;
import io.shopsense.core.access.PasswordPolicy;
import io.shopsense.platform.Platform;
import io.shopsense.server.config.SecurityProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The console's users and sessions over the platform's stores, with the configured KDF and timeouts. Their changes go
 * to the {@link AccessAudit} bean if there is one (the audit log).
 */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {

  @Bean
  PasswordHasher passwordHasher(SecurityProperties settings) {
    return new Argon2Hasher(settings.password());
  }

  @Bean
  ConsoleUserService consoleUserService(Platform platform, PasswordHasher hasher, SecurityProperties settings,
      Clock clock, ObjectProvider<AccessAudit> audit) {
    return new ConsoleUserService(platform.stores().consoleUsers(), platform.stores().consoleSessions(), hasher,
        new PasswordPolicy(settings.password().minLength()), clock, audit.getIfAvailable(() -> AccessAudit.NONE));
  }

  @Bean
  ConsoleSessionService consoleSessionService(Platform platform, PasswordHasher hasher, SecurityProperties settings,
      Clock clock, ObjectProvider<AccessAudit> audit) {
    return new ConsoleSessionService(platform.stores().consoleUsers(), platform.stores().consoleSessions(), hasher,
        settings.toSettings(), clock, audit.getIfAvailable(() -> AccessAudit.NONE));
  }
}
