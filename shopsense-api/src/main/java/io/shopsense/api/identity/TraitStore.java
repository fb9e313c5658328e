package io.shopsense.api.identity;

import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import java.time.Instant;

/**
 * The traits the shop told us about each person (from identify calls and customer imports), one value per trait
 * name. Out-of-order updates are safe: a value is only replaced by one that is as new or newer ({@code asOf}).
 */
public interface TraitStore {

  /** Sets each trait of {@code traits} unless the stored value of that trait is newer than {@code asOf}. */
  void set(PersonId person, Properties traits, Instant asOf);

  /** The person's traits; empty when none. */
  Properties get(PersonId person);

  /** The traits of each of the persons; persons without traits may be left out. */
  default java.util.Map<PersonId, Properties> getAll(java.util.Collection<PersonId> persons) {
    java.util.Map<PersonId, Properties> out = new java.util.HashMap<>();
    for (PersonId p : persons) {
      Properties t = get(p);
      if (!t.isEmpty()) {
        out.put(p, t);
      }
    }
    return out;
  }

  /** Moves the traits of {@code from} to {@code to} after a merge, the newer value winning per trait. */
  void merge(PersonId from, PersonId to);

  /** Deletes every trait of the persons (a data-subject erasure); returns the number of trait values deleted. */
  long erase(java.util.Collection<PersonId> persons);
}
