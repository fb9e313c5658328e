package io.shopsense.server.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shopsense.ingest.*}: the rules of collection (see {@code io.shopsense.core.collect.IngestSettings}).
 *
 * @param maxEventSize    the largest event accepted
 * @param maxBatchSize    the largest request body accepted (after gzip decoding)
 * @param maxBatchEvents  the most events in one batch
 * @param maxIdLength     the longest id accepted
 * @param maxNameLength   the longest event name accepted
 * @param maxClockSkew    how far in the future an event may claim to be, after clock-skew correction
 * @param maxEventAge     how old a live event may be
 * @param historicalFloor the earliest time an imported event may have
 * @param lateAfter       a live event received this long after it happened is counted as late
 * @param knownEventsOnly reject track events that are neither standard nor listed in {@code custom-events}
 * @param customEvents    the shop's own event names, accepted when {@code known-events-only} is set
 * @param maxImportSize   the largest file an import accepts
 */
@Validated
@ConfigurationProperties("shopsense.ingest")
public record IngestProperties(
    @DefaultValue("256KB") @NotNull DataSize maxEventSize,
    @DefaultValue("16MB") @NotNull DataSize maxBatchSize,
    @DefaultValue("20000") @Positive int maxBatchEvents,
    @DefaultValue("200") @Positive int maxIdLength,
    @DefaultValue("200") @Positive int maxNameLength,
    @DefaultValue("10m") @NotNull Duration maxClockSkew,
    @DefaultValue("730d") @NotNull Duration maxEventAge,
    @DefaultValue("1990-01-01T00:00:00Z") @NotNull Instant historicalFloor,
    @DefaultValue("1h") @NotNull Duration lateAfter,
    @DefaultValue("false") boolean knownEventsOnly,
    @DefaultValue List<String> customEvents,
    @DefaultValue("2GB") @NotNull DataSize maxImportSize) {}
