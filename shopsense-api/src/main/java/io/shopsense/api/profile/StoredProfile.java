package io.shopsense.api.profile;

import io.shopsense.api.id.PersonId;
import java.time.Instant;

/**
 * A person's profile as stored: the fold state, opaque to stores (core encodes and decodes it), and its derived
 * facts.
 *
 * @param state     the encoded fold state; owned by the record, must not be changed
 * @param updatedAt when the profile was last written
 */
public record StoredProfile(PersonId person, byte[] state, ProfileFacts facts, Instant updatedAt) {
  public StoredProfile {
    if (person == null || state == null || facts == null || updatedAt == null) {
      throw new IllegalArgumentException("person, state, facts and updatedAt are required");
    }
  }
}
