package io.shopsense.api.campaign;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The messages sent to each person, which the contact-pressure policy counts. The channel layer records a contact
 * once a message went out and marks it opened when the tracking sees an open or a click.
 *
 * <p>Contract: thread-safe; every call durable when it returns. {@link #record} is idempotent per message key (a
 * contact already on record is left as it is and counts once). {@link #histories} answers every person asked
 * about, an empty history for a person never contacted, in one bulk read.
 */
public interface ContactLog {

  /** Records the contacts; returns how many were new. */
  int record(Collection<Contact> contacts);

  /**
   * Marks the message opened at {@code at} (the first open wins) and resets the person's unopened streak; false when
   * the key is unknown or was opened before.
   */
  boolean markOpened(String messageKey, Instant at);

  /** Each person's contacts sent at or after {@code since}, oldest first, and their unopened streak. */
  Map<PersonId, ContactHistory> histories(Collection<PersonId> persons, Instant since);

  /** Forgets the persons' contacts (erasure); returns the number of contacts deleted. */
  int erase(Collection<PersonId> persons);
}
