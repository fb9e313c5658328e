package io.shopsense.api.audit;

/**
 * One entry of the {@link AuditLog} as stored: its position {@code seq} (1, 2, 3, ... without gaps), the record, the
 * hash of the entry before it ({@link AuditHash#GENESIS} for the first) and its own hash,
 * {@link AuditHash#of(long, AuditRecord, String)}.
 */
public record AuditEntry(long seq, AuditRecord record, String previousHash, String hash) {
  public AuditEntry {
    if (seq < 1 || record == null || previousHash == null || hash == null) {
      throw new IllegalArgumentException("an audit entry needs a positive seq, a record and both hashes");
    }
  }

  /** Whether the stored hash is the hash of the stored fields. */
  public boolean hashMatches() {
    return AuditHash.of(seq, record, previousHash).equals(hash);
  }
}
