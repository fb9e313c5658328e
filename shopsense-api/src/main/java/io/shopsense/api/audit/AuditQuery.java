package io.shopsense.api.audit;

import java.time.Instant;

/**
 * A filter over the {@link AuditLog}: entries with {@code at} in [{@code from}, {@code to}) (either bound may be
 * null), of one {@code actor} and one {@code action} if given (exact match), with {@code seq} after {@code afterSeq},
 * oldest first, at most {@code limit}.
 */
public record AuditQuery(Instant from, Instant to, String actor, String action, long afterSeq, int limit) {
  public AuditQuery {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, not " + limit);
    }
    if (afterSeq < 0) {
      throw new IllegalArgumentException("after must not be negative");
    }
  }

  /** Everything, page by page. */
  public static AuditQuery all(long afterSeq, int limit) {
    return new AuditQuery(null, null, null, null, afterSeq, limit);
  }
}
