package io.shopsense.api.campaign;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The record of every message the contact-pressure policy dropped or held, with its rule and reason. Append-only;
 * a message held and checked again is recorded again.
 *
 * <p>Contract: thread-safe; {@link #append} is durable when it returns and writes the batch at once.
 */
public interface SuppressionLog {

  void append(Collection<MessageSuppressed> suppressions);

  /** The person's suppressions, newest first, at most {@code limit}. */
  List<MessageSuppressed> of(PersonId person, int limit);

  /** How many suppressions each rule made in {@code [from, to)}. */
  Map<String, Long> countByRule(Instant from, Instant to);

  /** Forgets the persons' suppressions (erasure); returns the number deleted. */
  int erase(Collection<PersonId> persons);
}
