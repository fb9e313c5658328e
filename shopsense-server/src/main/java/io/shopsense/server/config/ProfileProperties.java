package io.shopsense.server.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shopsense.profile.*}: how profiles are built (see {@code io.shopsense.core.profile.ProfileSettings}).
 *
 * @param viewWeight     interest weight of a product view
 * @param cartWeight     interest weight of a unit added to the cart
 * @param purchaseWeight interest weight of a unit bought
 * @param halfLife       how fast interests fade
 * @param activeFor      a customer whose last order is at most this old is new or active; unset to fit it on the
 *                       shop's order gaps (then {@code churn-after} must be unset too)
 * @param churnAfter     a customer whose last order is older than this is churned
 * @param refreshEvery   how often the RFM model is refitted and time-driven changes are applied
 * @param realTime       keep profiles up to date as events arrive (off: batch rebuilds only)
 */
@Validated
@ConfigurationProperties("shopsense.profile")
public record ProfileProperties(
    @DefaultValue("1") @Min(0) int viewWeight,
    @DefaultValue("3") @Min(0) int cartWeight,
    @DefaultValue("5") @Min(0) int purchaseWeight,
    @DefaultValue("30d") @NotNull Duration halfLife,
    Duration activeFor,
    Duration churnAfter,
    @DefaultValue("1h") @NotNull Duration refreshEvery,
    @DefaultValue("true") boolean realTime) {}
