package io.shopsense.api.privacy;

import java.util.Collection;
import java.util.List;

/**
 * The append-only history of consent decisions (persistence only; what a history means — latest decision per
 * purpose wins, nothing pre-ticked — is core's). Thread-safe; each call is atomic.
 */
public interface ConsentLedger {

  /**
   * Appends the records (their {@code seq} is ignored) in the order given and returns those stored, numbered. A record
   * whose cause, subject and purpose are already on record is not stored again (so a replayed event or a retried
   * request records nothing twice) and is not returned. Numbers increase in commit order within a process, so a
   * follower reading {@link #after} misses nothing appended here.
   */
  List<ConsentRecord> append(Collection<ConsentRecord> records);

  /** Every record about any of the subjects, oldest ({@code seq}) first: a history, or a data-subject export. */
  List<ConsentRecord> history(Collection<ConsentSubject> subjects);

  /** The records appended after number {@code seq}, oldest first, at most {@code limit} (positive): for followers. */
  List<ConsentRecord> after(long seq, int limit);

  /** The highest number appended so far, 0 when the ledger is empty: where a new follower starts. */
  long latestSeq();

  /** Deletes every record about the subjects (an erasure); returns how many were deleted. */
  int erase(Collection<ConsentSubject> subjects);
}
