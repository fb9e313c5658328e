package io.shopsense.api.identity;

import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.List;

/**
 * The history of one merge: {@code merged} was folded into {@code survivor}, taking {@code moved} identifiers
 * with it, because of {@code cause} (the event that showed they are one person).
 *
 * @param reason why, e.g. {@code identify}, {@code alias}, {@code shared_trait:email}
 */
public record MergeRecord(PersonId survivor, PersonId merged, String reason, MessageId cause, Instant at,
    List<Identifier> moved) {
  public MergeRecord {
    moved = moved == null ? List.of() : List.copyOf(moved);
  }
}
