package io.shopsense.core.consent;

import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How consent is enforced.
 *
 * @param strictlyNecessary the purposes the shop declares strictly necessary, each with the lawful basis it rests on
 *                          instead of consent: allowed for everyone, whatever is on record. Default: none — nothing
 *                          is pre-ticked.
 * @param followEvery       how often the ledger's changes made by other processes are followed (and consent changes
 *                          passed on to profiles and segments)
 * @param cacheTtl          how long a person's consent stays in memory before it is read again (a backstop for
 *                          identifier links made elsewhere; changes and merges invalidate at once)
 * @param maxCachedPersons  persons held in memory at most; beyond it the cache starts over
 */
public record ConsentSettings(Map<Purpose, LawfulBasis> strictlyNecessary, Duration followEvery, Duration cacheTtl,
    int maxCachedPersons) {

  public ConsentSettings {
    EnumMap<Purpose, LawfulBasis> copy = new EnumMap<>(Purpose.class);
    if (strictlyNecessary != null) {
      strictlyNecessary.forEach((p, b) -> {
        if (p == null || b == null) {
          throw new IllegalArgumentException("a strictly necessary purpose needs its lawful basis");
        }
        if (b == LawfulBasis.CONSENT) {
          throw new IllegalArgumentException("a strictly necessary purpose rests on another basis than consent: "
              + p.wireName());
        }
        copy.put(p, b);
      });
    }
    strictlyNecessary = Collections.unmodifiableMap(copy);
    if (followEvery == null || followEvery.isNegative() || followEvery.isZero()
        || followEvery.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException("consent changes are followed at least every second; got " + followEvery);
    }
    if (cacheTtl == null || cacheTtl.isNegative() || cacheTtl.isZero()) {
      throw new IllegalArgumentException("the consent cache's time to live must be positive");
    }
    if (maxCachedPersons < 1) {
      throw new IllegalArgumentException("the consent cache must hold at least one person");
    }
  }

  /** Nothing strictly necessary, followed every 250 ms, cached for 10 minutes, 2,000,000 persons at most. */
  public static ConsentSettings defaults() {
    return new ConsentSettings(Map.of(), Duration.ofMillis(250), Duration.ofMinutes(10), 2_000_000);
  }

  public ConsentSettings withStrictlyNecessary(Map<Purpose, LawfulBasis> purposes) {
    return new ConsentSettings(purposes, followEvery, cacheTtl, maxCachedPersons);
  }
}
