package io.shopsense.api.audit;

import java.util.List;
import java.util.Optional;

/**
 * The append-only, hash-chained audit log. Called by the server for every audited request and by core features for
 * their domain events (an erasure completed, a key rotated); read by the privacy officer and by the verifier.
 *
 * <p>Appends are serialised by the store, also across threads and processes sharing it: each entry gets the next
 * {@code seq} (no gaps) and the hash of the entry before it, so the chain never forks. An append is durable when it
 * returns; it joins the caller's {@link io.shopsense.api.UnitOfWork} (and then holds the chain's lock until that
 * commits). There is no update and no delete: tampering happens outside the port, and the verifier finds it.
 */
public interface AuditLog {

  /** Appends the record as the next entry and returns it. */
  AuditEntry append(AuditRecord record);

  /** The entries matching the query, oldest first. */
  List<AuditEntry> find(AuditQuery query);

  /** The entries with {@code seq} after {@code afterSeq} in stored order of {@code seq}, at most {@code limit}. */
  List<AuditEntry> after(long afterSeq, int limit);

  /**
   * The store's own pointer to the last entry appended (kept beside the entries and moved with each append), or
   * empty before the first. A verifier compares it, and a copy kept outside the store, with the entries.
   */
  Optional<AuditHead> head();
}
