package io.shopsense.api.privacy;

import io.shopsense.api.id.PersonId;
import java.util.Collection;
import java.util.Map;

/**
 * The one enforcement port: may this person's data be used for this purpose now? Called where data is used — at
 * collection, when profiles are served and segments evaluated, on the recommendation serving path and before every
 * campaign send — so that one answer holds everywhere.
 *
 * <p>Contract: thread-safe and fast enough for a serving path (answered from memory once a person has been asked
 * about; a miss reads the ledger once). An unknown person, or one without a decision on record, is refused unless the
 * shop declared the purpose strictly necessary. A person id merged into another is answered for the survivor (the
 * latest decision per purpose over both wins). A change recorded in this process is seen by the next call; one
 * recorded by another process within about a second. Never returns null; refusals carry a reason.
 */
public interface ConsentCheck {

  ConsentDecision check(PersonId person, Purpose purpose);

  /** The decision for each of the persons, in one pass over the ledger for those not in memory. */
  Map<PersonId, ConsentDecision> check(Collection<PersonId> persons, Purpose purpose);

  default boolean allows(PersonId person, Purpose purpose) {
    return check(person, purpose).allowed();
  }
}
