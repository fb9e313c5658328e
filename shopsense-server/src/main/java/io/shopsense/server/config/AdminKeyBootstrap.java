package io.shopsense.server.config;

import io.shopsense.api.id.SourceId;
import io.shopsense.core.access.ApiKeyService.IssuedKey;
import io.shopsense.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On the very first start, issues an admin API key and writes its secret to {@code <data-dir>/admin-key} (readable by
 * the owner only), where the CLI finds it. The secret is never logged.
 */
@Component
public class AdminKeyBootstrap {
  public static final String FILE = "admin-key";
  private static final Logger LOG = LoggerFactory.getLogger(AdminKeyBootstrap.class);

  private final Platform platform;

  public AdminKeyBootstrap(Platform platform) {
    this.platform = platform;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void bootstrap() {
    Optional<IssuedKey> issued = platform.apiKeys().bootstrap(SourceId.of("admin"));
    issued.ifPresent(k -> {
      Path file = platform.settings().store().dataDir().resolve(FILE);
      write(file, k.secret());
      LOG.info("issued the first admin API key ({}), its secret is in {}", k.key().id(), file);
    });
  }

  static void write(Path file, String secret) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the admin key file " + file, e);
    }
  }
}
