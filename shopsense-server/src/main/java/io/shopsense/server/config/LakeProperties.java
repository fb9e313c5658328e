package io.shopsense.server.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shopsense.lake.*}: the event lake (Parquet files by event date).
 *
 * @param enabled         write the lake
 * @param dir             the lake's directory; by default {@code <data-dir>/lake}
 * @param flushEvents     write files once this many events are buffered
 * @param flushInterval   write a quiet buffer once it is this old
 * @param compactMinFiles merge a day's files into one once it has this many
 * @param memoryLimit     DuckDB's memory limit, e.g. {@code 512MB}
 * @param threads         DuckDB's threads
 */
@Validated
@ConfigurationProperties("shopsense.lake")
public record LakeProperties(
    @DefaultValue("true") boolean enabled,
    Path dir,
    @DefaultValue("100000") @Positive int flushEvents,
    @DefaultValue("5s") @NotNull Duration flushInterval,
    @DefaultValue("8") @Positive int compactMinFiles,
    @DefaultValue("512MB") @NotBlank String memoryLimit,
    @DefaultValue("2") @Positive int threads) {}
