package io.shopsense.core.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.Slice;
import io.shopsense.api.collect.Quarantine;
import io.shopsense.api.collect.QuarantineEntry;
import io.shopsense.api.collect.QuarantineQuery;
import io.shopsense.api.collect.QuarantineStatus;
import io.shopsense.core.json.JsonCodec;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a person does with the quarantine: look, fix, replay, discard. A replay sends the entry's record through
 * the same {@link Ingestor} path as live events, under the entry's original source and arrival time (so the time
 * rules judge it as they did then); one that fails again stays in its entry with the new reason.
 */
public final class QuarantineService {

  /** Origins of imported records start with this; their replays are judged as imports of history. */
  public static final String IMPORT_ORIGIN = "import ";

  /** What a replay did. */
  public enum ReplayStatus {
    REPLAYED,
    DUPLICATE,
    STILL_REJECTED,
    /** Valid now, but the person did not consent to keeping it: discarded, not stored (see the consent gate). */
    WITHHELD,
    NOT_PENDING,
    NOT_FOUND
  }

  /**
   * @param seq the event's sequence number in the log after a replay (the stored copy's for a duplicate), else 0
   */
  public record ReplayResult(long id, ReplayStatus status, long seq, List<Violation> violations) {}

  private final Quarantine quarantine;
  private final Ingestor ingestor;
  private final Clock clock;

  public QuarantineService(Quarantine quarantine, Ingestor ingestor, Clock clock) {
    this.quarantine = quarantine;
    this.ingestor = ingestor;
    this.clock = clock;
  }

  public Slice<QuarantineEntry> list(QuarantineQuery query) {
    return quarantine.list(query);
  }

  public Optional<QuarantineEntry> find(long id) {
    return quarantine.find(id);
  }

  /**
   * Replaces a pending entry's record with a person's fix (the whole event as JSON).
   *
   * @throws IllegalArgumentException if the fix is not a JSON object
   * @throws IllegalStateException    if the entry is not pending
   */
  public QuarantineEntry fix(long id, String raw) {
    QuarantineEntry entry = quarantine.find(id).orElseThrow(() -> new IllegalArgumentException("no entry " + id));
    if (entry.status() != QuarantineStatus.PENDING) {
      throw new IllegalStateException("entry " + id + " is " + entry.status().name().toLowerCase());
    }
    JsonNode node;
    try {
      node = JsonCodec.parse(raw);
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException("the fix is not valid JSON", e);
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("the fix must be one event, a JSON object");
    }
    quarantine.revise(id, raw, clock.instant());
    return quarantine.find(id).orElseThrow();
  }

  public ReplayResult replay(long id) {
    Optional<QuarantineEntry> found = quarantine.find(id);
    if (found.isEmpty()) {
      return new ReplayResult(id, ReplayStatus.NOT_FOUND, 0, List.of());
    }
    QuarantineEntry entry = found.get();
    if (entry.status() != QuarantineStatus.PENDING) {
      return new ReplayResult(id, ReplayStatus.NOT_PENDING, 0, List.of());
    }
    IncomingEvent incoming;
    try {
      incoming = IncomingEvent.of(JsonCodec.parse(entry.raw()), entry.origin());
    } catch (UncheckedIOException e) {
      incoming = IncomingEvent.unparseable(entry.raw(), "not valid JSON", entry.origin());
    }
    IngestMode mode = entry.origin().startsWith(IMPORT_ORIGIN) ? IngestMode.HISTORICAL : IngestMode.LIVE;
    IngestRequest request = new IngestRequest(entry.source(), entry.receivedAt(), null, null, mode);
    EventOutcome outcome = ingestor.appendWithoutQuarantine(List.of(incoming), request).events().get(0);
    switch (outcome.status()) {
      case ACCEPTED:
      case DUPLICATE:
        quarantine.markReplayed(id, outcome.seq(), clock.instant());
        return new ReplayResult(id, outcome.status() == EventOutcome.Status.ACCEPTED ? ReplayStatus.REPLAYED
            : ReplayStatus.DUPLICATE, outcome.seq(), List.of());
      case WITHHELD:
        // kept in the quarantine it would be kept without consent: the replay is the decision not to store it
        quarantine.discard(id, "withheld on replay: " + outcome.reason(), clock.instant());
        return new ReplayResult(id, ReplayStatus.WITHHELD, 0, List.of());
      default:
        quarantine.markFailed(id, outcome.reason(), Ingestor.describe(outcome.violations()), clock.instant());
        return new ReplayResult(id, ReplayStatus.STILL_REJECTED, 0, outcome.violations());
    }
  }

  /** Replays every pending entry that matches the query (up to its limit), in id order. */
  public List<ReplayResult> replayAll(QuarantineQuery query) {
    QuarantineQuery pending = new QuarantineQuery(QuarantineStatus.PENDING, query.reason(), query.source(),
        query.afterId(), query.limit());
    List<ReplayResult> results = new ArrayList<>();
    for (QuarantineEntry e : quarantine.list(pending).items()) {
      results.add(replay(e.id()));
    }
    return results;
  }

  /**
   * Gives up on a pending entry, with a person's note why.
   *
   * @throws IllegalStateException if it is not pending
   */
  public void discard(long id, String note) {
    QuarantineEntry entry = quarantine.find(id).orElseThrow(() -> new IllegalArgumentException("no entry " + id));
    if (entry.status() != QuarantineStatus.PENDING) {
      throw new IllegalStateException("entry " + id + " is " + entry.status().name().toLowerCase());
    }
    quarantine.discard(id, note == null ? "" : note, clock.instant());
  }
}
