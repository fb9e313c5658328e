package io.shopsense.server.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shopsense.privacy-requests.*}: data-subject requests (see
 * {@code io.shopsense.core.privacy.PrivacyRequestSettings}).
 *
 * @param deadline       how long after receipt a request must be answered; open requests past it are overdue
 * @param erasureCatchUp how long an erasure first waits for the pipeline to process the events already received
 */
@Validated
@ConfigurationProperties("shopsense.privacy-requests")
public record PrivacyRequestProperties(
    @DefaultValue("30d") @NotNull Duration deadline,
    @DefaultValue("30s") @NotNull Duration erasureCatchUp) {}
