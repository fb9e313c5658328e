package io.shopsense.api.offer;

import io.shopsense.api.id.PersonId;
import java.util.List;

/**
 * Which other persons share an identifier (an e-mail address, a phone number, a device id) with a person: the signal
 * behind the coupon abuse check "one person, many identities". Returns no entry for the person itself; thread-safe.
 */
@FunctionalInterface
public interface SharedIdentifiers {
  List<Shared> sharedWith(PersonId person);

  /** Another person holding the same identifier; {@code kind} names the identifier kind (email, phone, device). */
  record Shared(PersonId other, String kind) {
  }
}
