package io.shopsense.api.campaign;

import io.shopsense.api.id.PersonId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The preference centre's store: one {@link ContactPreferences} per person. Written by the preference centre page and
 * API, read in bulk by the contact-pressure policy.
 *
 * <p>Contract: thread-safe; a save replaces the person's preferences and is durable when it returns. {@link #find}
 * answers only persons with saved preferences.
 */
public interface PreferenceStore {

  void save(ContactPreferences preferences);

  Optional<ContactPreferences> find(PersonId person);

  Map<PersonId, ContactPreferences> find(Collection<PersonId> persons);

  /** Forgets the persons' preferences (erasure); returns the number deleted. */
  int erase(Collection<PersonId> persons);
}
