package io.shopsense.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** The ShopSense server: the platform behind a REST API. Started by the CLI's {@code serve} and {@code demo}. */
// no DataSource of Spring's (the stores own theirs), no user/password store (callers authenticate with API keys)
@SpringBootApplication(exclude = {DataSourceAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConfigurationPropertiesScan
public class ShopSenseApplication {

  public static ConfigurableApplicationContext run(String... args) {
    return SpringApplication.run(ShopSenseApplication.class, args);
  }
}
