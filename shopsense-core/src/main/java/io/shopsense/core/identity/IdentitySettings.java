package io.shopsense.core.identity;

import io.shopsense.api.identity.IdentifierKind;
import java.util.Set;

/**
 * The rules of identity resolution.
 *
 * @param maxIdentifiersPerPerson a person never owns more identifiers than this: a guard against one shared
 *                                device or address pulling many people into one
 * @param uniqueKinds             kinds a person owns at most one value of (by default {@code user_id}): two persons
 *                                with different user ids are never merged implicitly, only by an explicit alias
 * @param traitIdentifiers        traits of identify calls that also identify a person (by default the email)
 * @param cacheSize               identifiers whose owner the resolver keeps in memory
 */
public record IdentitySettings(int maxIdentifiersPerPerson, Set<IdentifierKind> uniqueKinds,
    Set<IdentifierKind> traitIdentifiers, int cacheSize) {

  public IdentitySettings {
    if (maxIdentifiersPerPerson < 2) {
      throw new IllegalArgumentException("a person must be able to own at least two identifiers");
    }
    if (traitIdentifiers.contains(IdentifierKind.ANONYMOUS_ID) || traitIdentifiers.contains(IdentifierKind.USER_ID)) {
      throw new IllegalArgumentException("only email and phone can come from traits");
    }
    uniqueKinds = Set.copyOf(uniqueKinds);
    traitIdentifiers = Set.copyOf(traitIdentifiers);
  }

  public static IdentitySettings defaults() {
    return new IdentitySettings(50, Set.of(IdentifierKind.USER_ID), Set.of(IdentifierKind.EMAIL), 100_000);
  }
}
