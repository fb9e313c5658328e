package io.shopsense.api.journey;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.Objects;

/**
 * One person's passage through one version of a journey: which entry it is (1, 2, ... when re-entry is allowed), the
 * step it is at, whether that step's wait has been scheduled ({@code waiting}), when the engine should look at it
 * again ({@code wakeAt}; set while {@link Status#ACTIVE}, null once ended), and why it ended.
 */
public record Enrolment(String journeyId, int version, PersonId person, int entry, String stepId, Status status,
    boolean waiting, Instant wakeAt, Instant enteredAt, Instant updatedAt, String endReason) {

  /** Where an enrolment stands. */
  public enum Status {
    /** On its way: at {@code stepId}, due at {@code wakeAt}. */
    ACTIVE,
    /** Reached an exit step. */
    COMPLETED,
    /** Left early: an exit condition was seen, or the journey could not go on ({@code endReason} says which). */
    EXITED
  }

  public Enrolment {
    Objects.requireNonNull(journeyId, "journeyId");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(enteredAt, "enteredAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (entry < 1 || version < 1) {
      throw new IllegalArgumentException("entry and version must be positive");
    }
    if (status == Status.ACTIVE && (stepId == null || wakeAt == null)) {
      throw new IllegalArgumentException("an active enrolment needs a step and a wake-up time");
    }
  }

  /** This enrolment at another step, runnable at {@code at} (not waiting). */
  public Enrolment at(String step, Instant at) {
    return new Enrolment(journeyId, version, person, entry, step, Status.ACTIVE, false, at, enteredAt, at, null);
  }

  /** This enrolment waiting at its step until {@code wake}. */
  public Enrolment waitingUntil(Instant wake, Instant now) {
    return new Enrolment(journeyId, version, person, entry, stepId, Status.ACTIVE, true, wake, enteredAt, now, null);
  }

  /** This enrolment ended with the status and reason. */
  public Enrolment ended(Status end, String reason, Instant now) {
    return new Enrolment(journeyId, version, person, entry, stepId, end, false, null, enteredAt, now, reason);
  }

  /** The idempotency key of a side effect at {@code step} of this enrolment. */
  public SendKey key(String step) {
    return new SendKey(journeyId, step, person, entry);
  }
}
