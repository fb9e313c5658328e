package io.shopsense.api.collect;

import io.shopsense.api.id.SourceId;

/**
 * A filter over the quarantine; null parts match everything. Entries come in ascending id order, after
 * {@code afterId}.
 */
public record QuarantineQuery(QuarantineStatus status, String reason, SourceId source, long afterId, int limit) {
  public QuarantineQuery {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive");
    }
  }

  public static QuarantineQuery pending(int limit) {
    return new QuarantineQuery(QuarantineStatus.PENDING, null, null, 0, limit);
  }
}
