package io.shopsense.core.collect;

import java.util.List;

/**
 * What became of one event of a batch.
 *
 * @param index        its position in the batch
 * @param messageId    its message id (given or derived), or null if it had none and was rejected
 * @param seq          its sequence number in the event log (for a duplicate: the stored copy's), or 0 if rejected
 * @param violations   why it was rejected (the first one's reason is the entry's reason); empty otherwise
 * @param quarantineId the quarantine entry that keeps it, or null
 * @param rows         the source rows it stands for
 * @param withheld     why a withheld event was not stored (e.g. {@code no_analytics_consent}), else null
 */
public record EventOutcome(int index, String messageId, Status status, long seq, List<Violation> violations,
    Long quarantineId, int rows, String withheld) {

  public enum Status {
    ACCEPTED,
    DUPLICATE,
    REJECTED,
    /** Valid, but not stored: the person did not consent to what it would be kept for (not quarantined either). */
    WITHHELD
  }

  public EventOutcome {
    violations = List.copyOf(violations);
  }

  public EventOutcome(int index, String messageId, Status status, long seq, List<Violation> violations,
      Long quarantineId, int rows) {
    this(index, messageId, status, seq, violations, quarantineId, rows, null);
  }

  /** The reason code of a rejection or of a withheld event, else null. */
  public String reason() {
    return violations.isEmpty() ? withheld : violations.get(0).reason().code();
  }
}
