package io.shopsense.core.audit;

/** What {@link AuditVerifier} found: the chain intact, or the first place where it is broken and why. */
public sealed interface AuditVerification {

  boolean intact();

  /** Every entry's hash and link checked, and the heads agree. */
  record Intact(long entries, String headHash) implements AuditVerification {
    @Override
    public boolean intact() {
      return true;
    }
  }

  /** The first broken place: the seq of the entry (or of the head that the entries do not reach) and the reason. */
  record Broken(long seq, Reason reason, String detail) implements AuditVerification {
    @Override
    public boolean intact() {
      return false;
    }
  }

  /** Why the chain is broken. */
  enum Reason {
    /** An entry's fields do not hash to its stored hash: the entry was changed. */
    HASH_MISMATCH,
    /** An entry does not point at the hash of the entry before it: an entry was removed, inserted or moved. */
    LINK_BROKEN,
    /** An entry is missing (a gap in seq) or out of place. */
    SEQ_GAP,
    /** The entries end before a head recorded earlier: the tail was cut off. */
    TRUNCATED,
    /** The head recorded in the store or outside it names an entry with another hash. */
    HEAD_MISMATCH
  }
}
