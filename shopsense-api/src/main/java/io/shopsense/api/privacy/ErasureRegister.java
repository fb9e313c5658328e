package io.shopsense.api.privacy;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.List;

/**
 * The register of erased persons: the random person id and when, nothing else. Model trainers read it to exclude
 * the persons erased since their last training (a model trained before an erasure may still hold the person; the next
 * training must not). Written by the erasure; idempotent (recording a person again keeps the first time). Thread-safe.
 */
public interface ErasureRegister {

  /** One erased person. */
  record Erased(PersonId person, Instant at) {}

  void record(PersonId person, Instant at);

  /** The persons erased at or after {@code since}, oldest first. */
  List<Erased> erasedSince(Instant since);

  boolean isErased(PersonId person);
}
