package io.shopsense.server.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shopsense.identity.*}: the rules of identity resolution (see
 * {@code io.shopsense.core.identity.IdentitySettings}).
 *
 * @param maxIdentifiersPerPerson the most identifiers one person may own (guards against over-merging)
 * @param uniqueKinds             identifier kinds a person owns at most one of: {@code user_id}, {@code email},
 *                                {@code phone}
 * @param traitIdentifiers        identify traits that also identify a person: {@code email}, {@code phone}
 * @param cacheSize               identifiers whose owner is kept in memory
 */
@Validated
@ConfigurationProperties("shopsense.identity")
public record IdentityProperties(
    @DefaultValue("50") @Min(2) int maxIdentifiersPerPerson,
    @DefaultValue("user_id") List<String> uniqueKinds,
    @DefaultValue("email") List<String> traitIdentifiers,
    @DefaultValue("100000") @Positive int cacheSize) {}
