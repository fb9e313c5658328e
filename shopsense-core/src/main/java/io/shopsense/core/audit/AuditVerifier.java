package io.shopsense.core.audit;

import io.shopsense.api.audit.AuditEntry;
import io.shopsense.api.audit.AuditHash;
import io.shopsense.api.audit.AuditHead;
import io.shopsense.api.audit.AuditLog;
import io.shopsense.core.audit.AuditVerification.Broken;
import io.shopsense.core.audit.AuditVerification.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes the audit chain from the first entry and reports the first broken place: an entry whose fields do not
 * hash to its hash (changed), whose previous hash is not the hash before it (removed, inserted, reordered), a gap in
 * seq (deleted), and a tail shorter than a head recorded earlier — the store's own head row, and the anchor file kept
 * outside the database ({@link AuditAnchor}), which a tamperer with database access alone cannot move back.
 *
 * <p>What it cannot see: someone who rewrites the database <em>and</em> the anchor file consistently. Shipping the
 * head hash elsewhere (printing it from {@code audit verify} into a ticket, a log shipper) closes that.
 */
public final class AuditVerifier {
  private static final int PAGE = 1_000;

  private AuditVerifier() {}

  /** Verifies the log against its own head and against the given heads kept elsewhere (may be empty). */
  public static AuditVerification verify(AuditLog log, List<AuditHead> outsideHeads) {
    List<AuditHead> heads = new ArrayList<>(outsideHeads);
    Optional<AuditHead> storeHead = log.head();
    storeHead.ifPresent(heads::add);
    long expectedSeq = 1;
    String previous = AuditHash.GENESIS;
    long lastSeq = 0;
    List<AuditEntry> page;
    long after = 0;
    java.util.Map<Long, String> hashAtHead = new java.util.HashMap<>();
    heads.forEach(h -> hashAtHead.put(h.seq(), null));
    do {
      page = log.after(after, PAGE);
      for (AuditEntry e : page) {
        if (e.seq() != expectedSeq) {
          return new Broken(expectedSeq, Reason.SEQ_GAP, "expected entry " + expectedSeq + ", found " + e.seq());
        }
        if (!e.previousHash().equals(previous)) {
          return new Broken(e.seq(), Reason.LINK_BROKEN, "entry " + e.seq()
              + " does not point at the hash of the entry before it");
        }
        if (!e.hashMatches()) {
          return new Broken(e.seq(), Reason.HASH_MISMATCH, "entry " + e.seq() + " does not match its hash");
        }
        if (hashAtHead.containsKey(e.seq())) {
          hashAtHead.put(e.seq(), e.hash());
        }
        previous = e.hash();
        lastSeq = e.seq();
        expectedSeq++;
        after = e.seq();
      }
    } while (page.size() == PAGE);
    for (AuditHead h : heads) {
      if (h.seq() > lastSeq) {
        return new Broken(lastSeq + 1, Reason.TRUNCATED, "a head recorded entry " + h.seq() + " but the log ends at "
            + lastSeq);
      }
      if (h.seq() > 0 && !h.hash().equals(hashAtHead.get(h.seq()))) {
        return new Broken(h.seq(), Reason.HEAD_MISMATCH, "a head recorded another hash for entry " + h.seq());
      }
    }
    if (storeHead.isPresent() && storeHead.get().seq() != lastSeq) {
      return new Broken(storeHead.get().seq() + 1, Reason.SEQ_GAP, "entries after the store's head "
          + storeHead.get().seq() + " were added outside the log");
    }
    if (storeHead.isEmpty() && lastSeq > 0) {
      return new Broken(1, Reason.HEAD_MISMATCH, "the store's head is missing");
    }
    return new AuditVerification.Intact(lastSeq, previous);
  }
}
