package io.shopsense.server.retention;

import io.shopsense.platform.Platform;
import io.shopsense.server.config.RetentionProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retention job of a running server; closed (its thread stopped) before the platform. */
@Configuration(proxyBeanMethods = false)
public class RetentionConfiguration {

  @Bean(destroyMethod = "close")
  RetentionJob retentionJob(Platform platform, RetentionProperties retention) {
    return new RetentionJob(platform, retention);
  }
}
