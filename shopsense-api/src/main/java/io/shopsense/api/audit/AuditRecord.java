package io.shopsense.api.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What a caller appends to the {@link AuditLog}: when, who ({@code actor}: {@code key:<id>}, {@code user:<name>},
 * {@code customer:<person id>}, {@code system}), what ({@code action}: e.g. {@code DELETE /v1/segments/{id}} or
 * {@code erasure.completed}), on what ({@code target}: a random person id or a resource id, never an email; may be
 * null) and how it ended ({@code outcome}: an HTTP status or a word such as {@code ok}). The instant is kept to the
 * microsecond, as the stores keep it, so that the hash computed now is the hash recomputed later.
 */
public record AuditRecord(Instant at, String actor, String action, String target, String outcome) {
  /** The longest actor, action, target or outcome accepted. */
  public static final int MAX_FIELD = 300;

  public AuditRecord {
    if (at == null) {
      throw new IllegalArgumentException("an audit record needs a time");
    }
    at = at.truncatedTo(ChronoUnit.MICROS);
    requireText(actor, "actor");
    requireText(action, "action");
    requireText(outcome, "outcome");
    if (target != null && (target.isBlank() || target.length() > MAX_FIELD)) {
      throw new IllegalArgumentException("an audit target is null or 1.." + MAX_FIELD + " characters");
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank() || value.length() > MAX_FIELD) {
      throw new IllegalArgumentException("an audit " + name + " is 1.." + MAX_FIELD + " characters");
    }
  }
}
