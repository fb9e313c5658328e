package io.shopsense.core.collect;

import io.shopsense.api.collect.EventEnvelope;
import java.util.Collections;
import java.util.List;

/**
 * Decides, for the valid events of one ingest call and before they are appended, which are stored as they are,
 * which are stored in a reduced form, and which are withheld (not stored at all). The consent feature's gate keeps
 * only what is strictly necessary of the events of persons who did not consent to analytics, and records what
 * {@code Consent Updated} events declare before anything is appended. Called once per call with every valid event
 * of it, so that it can look up what it needs once per batch; thread-safe.
 */
public interface EventGate {

  /** Stores everything as it is. */
  EventGate OPEN = envelopes -> Collections.nCopies(envelopes.size(), Verdict.KEEP);

  /** One verdict per envelope, in order. */
  List<Verdict> admit(List<EventEnvelope> envelopes);

  /** What becomes of one event. */
  sealed interface Verdict {
    Verdict KEEP = new Keep();

    /** Stored as it is. */
    record Keep() implements Verdict {}

    /** Stored as {@code reduced} (the same message id) instead. */
    record Reduce(EventEnvelope reduced) implements Verdict {}

    /** Not stored; {@code reason} is a stable code, e.g. {@code no_analytics_consent}. */
    record Withhold(String reason) implements Verdict {}
  }
}
