package io.shopsense.server.cli;

import io.shopsense.core.collect.IngestListener;
import io.shopsense.core.identity.PersonIds;
import io.shopsense.platform.Platform;
import io.shopsense.platform.PlatformSettings;
import io.shopsense.server.config.ConsentProperties;
import io.shopsense.server.config.CryptoProperties;
import io.shopsense.server.config.IdentityProperties;
import io.shopsense.server.config.IngestProperties;
import io.shopsense.server.config.LakeProperties;
import io.shopsense.server.config.PlatformConfiguration;
import io.shopsense.server.config.ProfileProperties;
import io.shopsense.server.config.StoreProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The platform without the web server, for CLI commands that work on a data directory directly: the same settings
 * the server would use (application.yml, {@code SHOPSENSE_*} environment variables, system properties), bound the
 * same way, with the data directory of the command.
 */
final class OfflinePlatform {
  private OfflinePlatform() {}

  static PlatformSettings settings(Path dataDir) {
    Binder binder = binder(dataDir);
    PlatformSettings settings = PlatformConfiguration.toSettings(binder.bindOrCreate("shopsense.store", StoreProperties.class),
        binder.bindOrCreate("shopsense.ingest", IngestProperties.class),
        binder.bindOrCreate("shopsense.identity", IdentityProperties.class),
        binder.bindOrCreate("shopsense.lake", LakeProperties.class))
        .withProfile(PlatformConfiguration.toSettings(binder.bindOrCreate("shopsense.profile",
            ProfileProperties.class)))
        .withConsent(PlatformConfiguration.toSettings(binder.bindOrCreate("shopsense.consent",
            ConsentProperties.class)));
    // the same key ring as the server, so that what the CLI writes is sealed and what it reads opens
    return settings.withCrypto(PlatformConfiguration.toSettings(binder.bindOrCreate("shopsense.crypto",
        CryptoProperties.class), settings.store().dataDir(), System.getenv(PlatformConfiguration.MASTER_KEY_ENV)));
  }

  /** The settings the server would see, with the data directory of the command. */
  static Binder binder(Path dataDir) {
    StandardEnvironment env = new StandardEnvironment();
    try {
      for (PropertySource<?> ps : new YamlPropertySourceLoader().load("application.yml",
          new ClassPathResource("application.yml"))) {
        env.getPropertySources().addLast(ps);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    env.getPropertySources().addFirst(new MapPropertySource("command line",
        Map.of("shopsense.store.data-dir", dataDir.toAbsolutePath().normalize().toString())));
    return Binder.get(env);
  }

  /** Opens the platform on the data directory and starts its pipeline; fails if a server holds it. */
  static Platform open(Path dataDir) {
    try {
      return Platform.open(settings(dataDir), Clock.systemUTC(), PersonIds.random(), IngestListener.NONE).start();
    } catch (IllegalStateException e) {
      throw new CliException("cannot open " + dataDir + " (" + e.getMessage() + "); is a server running on it? "
          + "Then import without --offline.");
    }
  }

  /** Lets identity resolution and the lake catch up before the platform closes. */
  static void awaitPipeline(Platform platform) {
    try {
      if (!platform.pipeline().awaitCaughtUp(Duration.ofHours(1))) {
        System.err.println("shopsense: the pipeline has not caught up; it resumes where it stopped on the next start");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
