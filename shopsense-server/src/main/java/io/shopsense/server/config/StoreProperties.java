package io.shopsense.server.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shopsense.store.*}: where the data lives.
 *
 * @param type        {@code embedded} (files under {@code data-dir}, no server) or {@code postgres}
 * @param dataDir     the data directory of the embedded stores, the lake and the admin key file
 * @param fsync       force each group commit of the embedded event log to disk before acknowledging it
 * @param segmentSize the size at which the embedded event log starts a new segment file
 * @param postgres    the PostgreSQL connection, when {@code type} is {@code postgres}
 */
@Validated
@ConfigurationProperties("shopsense.store")
public record StoreProperties(
    @DefaultValue("embedded") @NotBlank String type,
    @DefaultValue("./data") @NotNull Path dataDir,
    @DefaultValue("true") boolean fsync,
    @DefaultValue("128MB") @NotNull DataSize segmentSize,
    @DefaultValue @NotNull Postgres postgres) {

  /**
   * @param schema created if absent; each ShopSense instance on a shared database uses its own
   */
  public record Postgres(
      @DefaultValue("jdbc:postgresql://127.0.0.1:5432/test") @NotBlank String url,
      @DefaultValue("postgres") String user,
      @DefaultValue("") String password,
      @DefaultValue("shopsense") @NotBlank String schema) {}
}
