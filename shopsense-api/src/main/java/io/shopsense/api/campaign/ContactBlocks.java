package io.shopsense.api.campaign;

import io.shopsense.api.id.PersonId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The unsubscribes and do-not-contact entries. Written by unsubscribe links, the preference centre and the console;
 * read in bulk by the contact-pressure policy.
 *
 * <p>Contract: thread-safe; durable when a call returns. One block per (person, kind, scope, value): adding it again
 * changes nothing (the first source and time are kept). {@link #of} answers every person asked about, an empty list
 * for a person without blocks.
 */
public interface ContactBlocks {

  /** Adds the block; false when it was on record already. */
  boolean add(ContactBlock block);

  /** Lifts the block of this kind and scope (a re-subscribe); false when there was none. */
  boolean remove(PersonId person, ContactBlock.Kind kind, ContactBlock.Scope scope, String value);

  Map<PersonId, List<ContactBlock>> of(Collection<PersonId> persons);

  /** Forgets the persons' blocks (erasure); returns the number deleted. */
  int erase(Collection<PersonId> persons);
}
