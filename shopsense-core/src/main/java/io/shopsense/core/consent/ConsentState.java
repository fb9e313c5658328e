package io.shopsense.core.consent;

import io.shopsense.api.privacy.ConsentDecision;
import io.shopsense.api.privacy.ConsentRecord;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * A person's consent as their history makes it: the latest decision per purpose ({@link ConsentRecord#supersedes}),
 * and whether they ever granted each purpose (which tells a withdrawal from a refusal). Immutable; what
 * {@link LedgerConsentCheck} keeps in memory per person, so it holds records, not copies.
 */
public final class ConsentState {
  private static final Purpose[] PURPOSES = Purpose.values();
  /** The shared decisions: a decision holds no personal data, so every person can point at the same few. */
  private static final Map<Purpose, ConsentDecision> NO_RECORD = shared(ConsentDecision.NO_CONSENT_RECORDED);
  private static final Map<Purpose, ConsentDecision> REFUSED = shared(ConsentDecision.CONSENT_REFUSED);
  private static final Map<Purpose, ConsentDecision> WITHDRAWN = shared(ConsentDecision.CONSENT_WITHDRAWN);
  private static final Map<Purpose, Map<LawfulBasis, ConsentDecision>> GRANTED = new EnumMap<>(Purpose.class);

  static {
    for (Purpose p : PURPOSES) {
      Map<LawfulBasis, ConsentDecision> byBasis = new EnumMap<>(LawfulBasis.class);
      for (LawfulBasis b : LawfulBasis.values()) {
        byBasis.put(b, new ConsentDecision.Allowed(p, b, false));
      }
      GRANTED.put(p, byBasis);
    }
  }

  public static final ConsentState EMPTY = new ConsentState(new ConsentRecord[PURPOSES.length], 0);

  private final ConsentRecord[] latest;
  private final int everGranted;

  private ConsentState(ConsentRecord[] latest, int everGranted) {
    this.latest = latest;
    this.everGranted = everGranted;
  }

  /** The state a history makes, in any order. */
  public static ConsentState of(Collection<ConsentRecord> history) {
    ConsentRecord[] latest = new ConsentRecord[PURPOSES.length];
    int granted = 0;
    for (ConsentRecord r : history) {
      int i = r.purpose().ordinal();
      if (latest[i] == null || r.supersedes(latest[i])) {
        latest[i] = r;
      }
      if (r.granted()) {
        granted |= 1 << i;
      }
    }
    return new ConsentState(latest, granted);
  }

  /** The state of both histories together (a person and an identifier not yet linked to them; a merge). */
  public ConsentState merge(ConsentState other) {
    if (other == EMPTY || other == this) {
      return this;
    }
    if (this == EMPTY) {
      return other;
    }
    ConsentRecord[] latest = this.latest.clone();
    for (int i = 0; i < latest.length; i++) {
      ConsentRecord o = other.latest[i];
      if (o != null && (latest[i] == null || o.supersedes(latest[i]))) {
        latest[i] = o;
      }
    }
    return new ConsentState(latest, everGranted | other.everGranted);
  }

  /** The latest decision on record about the purpose, or null. */
  public ConsentRecord latest(Purpose purpose) {
    return latest[purpose.ordinal()];
  }

  /** The decision for the purpose: strictly necessary, else the latest on record, else refused (nothing pre-ticked). */
  public ConsentDecision decide(Purpose purpose, Map<Purpose, LawfulBasis> strictlyNecessary) {
    LawfulBasis necessary = strictlyNecessary.get(purpose);
    if (necessary != null) {
      return new ConsentDecision.Allowed(purpose, necessary, true);
    }
    ConsentRecord r = latest[purpose.ordinal()];
    if (r == null) {
      return NO_RECORD.get(purpose);
    }
    if (r.granted()) {
      return GRANTED.get(purpose).get(r.basis());
    }
    return (everGranted & (1 << purpose.ordinal())) != 0 ? WITHDRAWN.get(purpose) : REFUSED.get(purpose);
  }

  private static Map<Purpose, ConsentDecision> shared(String reason) {
    Map<Purpose, ConsentDecision> out = new EnumMap<>(Purpose.class);
    for (Purpose p : PURPOSES) {
      out.put(p, new ConsentDecision.Refused(p, reason));
    }
    return out;
  }
}
