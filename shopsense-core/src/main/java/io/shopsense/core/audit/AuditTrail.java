package io.shopsense.core.audit;

import io.shopsense.api.audit.AuditEntry;
import io.shopsense.api.audit.AuditHead;
import io.shopsense.api.audit.AuditLog;
import io.shopsense.api.audit.AuditQuery;
import io.shopsense.api.audit.AuditRecord;
import io.shopsense.api.id.PersonId;
import java.time.Clock;
import java.util.List;

/**
 * The one way to record in the audit log: the server's request auditing calls it for each audited request, features
 * call it for their domain events (an erasure completed, a consent changed by import, a key rotated). Stamps the time
 * from the clock and moves the anchor outside the database after each append. Callers pass only ids, never personal
 * data: use {@link #apiKey}, {@link #user}, {@link #customer} and {@link #SYSTEM} for actors, and a random person id
 * or resource id as the target. Call it outside a {@link io.shopsense.api.UnitOfWork} that may still roll back (after
 * the work committed): the anchor moves at once, and an entry rolled back later would read as a cut-off tail.
 * Thread-safe.
 */
public final class AuditTrail {
  /** The actor for what the platform does on its own (scheduled retention, a follower). */
  public static final String SYSTEM = "system";

  private final AuditLog log;
  private final Clock clock;
  private final AuditAnchor anchor;

  /** @param anchor the head's copy outside the store, or null to keep none (tests of the store alone) */
  public AuditTrail(AuditLog log, Clock clock, AuditAnchor anchor) {
    this.log = log;
    this.clock = clock;
    this.anchor = anchor;
  }

  public static String apiKey(String keyId) {
    return "key:" + keyId;
  }

  public static String user(String userName) {
    return "user:" + userName;
  }

  public static String customer(PersonId person) {
    return "customer:" + person.value();
  }

  /** Appends one entry now; {@code target} may be null. */
  public AuditEntry record(String actor, String action, String target, String outcome) {
    AuditEntry entry = log.append(new AuditRecord(clock.instant(), actor, action, target, outcome));
    if (anchor != null) {
      anchor.advance(new AuditHead(entry.seq(), entry.hash()));
    }
    return entry;
  }

  public List<AuditEntry> find(AuditQuery query) {
    return log.find(query);
  }

  /** Checks the whole chain against the store's head and the anchor. */
  public AuditVerification verify() {
    return AuditVerifier.verify(log, anchor == null ? List.of() : anchor.heads());
  }
}
