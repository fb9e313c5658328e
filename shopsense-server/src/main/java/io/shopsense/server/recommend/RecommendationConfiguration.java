package io.shopsense.server.recommend;

import io.shopsense.platform.Platform;
import io.shopsense.server.config.RecommendationProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's recommendations as the server uses them, and the model jobs (stopped before the platform closes). */
@Configuration(proxyBeanMethods = false)
public class RecommendationConfiguration {

  @Bean
  RecommendationBackend recommendationBackend(Platform platform) {
    return new PlatformRecommendationBackend(platform);
  }

  @Bean(destroyMethod = "close")
  ModelJobs modelJobs(RecommendationBackend backend, RecommendationProperties properties, Clock clock) {
    return new ModelJobs(backend, properties, clock).start();
  }
}
