package io.shopsense.server.config;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shopsense.consent.*}: how consent is enforced (see {@code io.shopsense.core.consent.ConsentSettings}).
 *
 * @param strictlyNecessary purposes the shop declares strictly necessary, each mapped to the lawful basis it rests on
 *                          instead of consent (e.g. {@code analytics: legitimate_interests}); allowed for everyone.
 *                          Default: none — nothing is pre-ticked.
 * @param followEvery       how often consent changes made by other processes are followed (at most 1s)
 * @param cacheTtl          how long a person's consent is kept in memory before it is read again
 * @param maxCachedPersons  persons whose consent is kept in memory at most
 */
@Validated
@ConfigurationProperties("shopsense.consent")
public record ConsentProperties(
    Map<String, String> strictlyNecessary,
    @DefaultValue("250ms") Duration followEvery,
    @DefaultValue("10m") Duration cacheTtl,
    @DefaultValue("2000000") @Positive int maxCachedPersons) {

  public ConsentProperties {
    strictlyNecessary = strictlyNecessary == null ? Map.of() : Map.copyOf(strictlyNecessary);
  }
}
