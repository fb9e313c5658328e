package io.shopsense.server.security;

import io.shopsense.core.access.ConsoleSessionService;
import io.shopsense.core.access.ConsoleUserService;
import io.shopsense.core.access.PasswordHasher;
import io.shopsense.core.access.PasswordPolicy;
import io.shopsense.platform.Platform;
import io.shopsense.server.config.SecurityProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The console's users and sessions over the platform's stores, with the configured KDF and timeouts. */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {

  @Bean
  PasswordHasher passwordHasher(SecurityProperties settings) {
    return new Argon2Hasher(settings.password());
  }

  @Bean
  ConsoleUserService consoleUserService(Platform platform, PasswordHasher hasher, SecurityProperties settings,
      Clock clock) {
    return new ConsoleUserService(platform.stores().consoleUsers(), platform.stores().consoleSessions(), hasher,
        new PasswordPolicy(settings.password().minLength()), clock);
  }

  @Bean
  ConsoleSessionService consoleSessionService(Platform platform, PasswordHasher hasher, SecurityProperties settings,
      Clock clock) {
    return new ConsoleSessionService(platform.stores().consoleUsers(), platform.stores().consoleSessions(), hasher,
        settings.toSettings(), clock);
  }
}
