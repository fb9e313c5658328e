package io.shopsense.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** The ShopSense server: the platform behind a REST API. Started by the CLI's {@code serve} and {@code demo}. */
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class ShopSenseApplication {

  public static ConfigurableApplicationContext run(String... args) {
    return SpringApplication.run(ShopSenseApplication.class, args);
  }
}
