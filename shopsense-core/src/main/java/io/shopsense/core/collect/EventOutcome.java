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
 */
public record EventOutcome(int index, String messageId, Status status, long seq, List<Violation> violations,
    Long quarantineId, int rows) {

  public enum Status {
    ACCEPTED,
    DUPLICATE,
    REJECTED
  }

  public EventOutcome {
    violations = List.copyOf(violations);
  }

  /** The reason code of a rejection, else null. */
  public String reason() {
    return violations.isEmpty() ? null : violations.get(0).reason().code();
  }
}
