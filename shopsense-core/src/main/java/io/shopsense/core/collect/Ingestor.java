package io.shopsense.core.collect;

import io.shopsense.api.collect.AppendResult;
import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.collect.EventLog;
import io.shopsense.api.collect.NewQuarantineEntry;
import io.shopsense.api.collect.QualityCount;
import io.shopsense.api.collect.QualityCounters;
import io.shopsense.api.collect.QualityMetric;
import io.shopsense.api.collect.Quarantine;
import io.shopsense.api.id.SourceId;
import io.shopsense.core.collect.EventOutcome.Status;
import io.shopsense.core.collect.internal.EventPreparer;
import io.shopsense.core.collect.internal.EventPreparer.Prepared;
import io.shopsense.core.json.JsonCodec;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one path every event takes into ShopSense, from the tracking API, imports and quarantine replays alike:
 * validate, normalise, append durably to the event log (duplicates stored once), keep every rejected record whole in
 * the quarantine with its reason, count what happened. Thread-safe; concurrent calls share the log's group commit.
 */
public final class Ingestor {

  private final EventLog log;
  private final Quarantine quarantine;
  private final QualityCounters counters;
  private final IngestSettings settings;
  private final EventPreparer preparer;
  private final IngestListener listener;
  private final EventGate gate;

  public Ingestor(EventLog log, Quarantine quarantine, QualityCounters counters, IngestSettings settings,
      IngestListener listener) {
    this(log, quarantine, counters, settings, listener, EventGate.OPEN);
  }

  /** @param gate decides which valid events are stored, reduced or withheld (consent), before the append */
  public Ingestor(EventLog log, Quarantine quarantine, QualityCounters counters, IngestSettings settings,
      IngestListener listener, EventGate gate) {
    this.gate = gate;
    this.log = log;
    this.quarantine = quarantine;
    this.counters = counters;
    this.settings = settings;
    this.preparer = new EventPreparer(settings);
    this.listener = listener;
  }

  public IngestSettings settings() {
    return settings;
  }

  /**
   * Ingests the events; returns once every accepted one is durable in the log and every rejected one in the
   * quarantine.
   */
  public BatchOutcome ingest(List<IncomingEvent> events, IngestRequest request) {
    long start = System.nanoTime();
    Attempt attempt = attempt(events, request);
    List<EventOutcome> outcomes = attempt.outcomes;
    List<Integer> rejectedAt = new ArrayList<>();
    List<NewQuarantineEntry> entries = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      EventOutcome o = outcomes.get(i);
      if (o.status() == Status.REJECTED) {
        rejectedAt.add(i);
        entries.add(new NewQuarantineEntry(request.source(), request.receivedAt(), o.reason(),
            describe(o.violations()), attempt.raw.get(i), events.get(i).origin()));
      }
    }
    if (!entries.isEmpty()) {
      List<Long> ids = quarantine.add(entries);
      for (int k = 0; k < rejectedAt.size(); k++) {
        int i = rejectedAt.get(k);
        EventOutcome o = outcomes.get(i);
        outcomes.set(i, new EventOutcome(o.index(), o.messageId(), o.status(), 0, o.violations(), ids.get(k),
            o.rows()));
      }
    }
    BatchOutcome outcome = new BatchOutcome(outcomes);
    count(attempt, request);
    listener.ingested(request, outcome, System.nanoTime() - start);
    return outcome;
  }

  /**
   * Validates and appends like {@link #ingest}, but leaves rejected records to the caller: for the quarantine's
   * replay, which keeps a record that fails again in its own entry.
   */
  public BatchOutcome appendWithoutQuarantine(List<IncomingEvent> events, IngestRequest request) {
    Attempt attempt = attempt(events, request);
    count(attempt, request);
    return new BatchOutcome(attempt.outcomes);
  }

  private Attempt attempt(List<IncomingEvent> events, IngestRequest request) {
    int n = events.size();
    List<EventOutcome> outcomes = new ArrayList<>(n);
    List<String> raw = new ArrayList<>(n);
    List<EventEnvelope> envelopes = new ArrayList<>(n);
    List<Integer> envelopeAt = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      IncomingEvent in = events.get(i);
      if (in.node() == null) {
        RejectReason reason = in.parseProblem() != null && in.parseProblem().startsWith("unmappable:")
            ? RejectReason.UNMAPPABLE_ROW : RejectReason.MALFORMED_JSON;
        String problem = in.parseProblem() == null ? "" : in.parseProblem().replaceFirst("^unmappable:", "");
        outcomes.add(new EventOutcome(i, null, Status.REJECTED, 0, List.of(new Violation(reason, "", problem)),
            null, in.rows()));
        raw.add(in.rawText() == null ? "" : in.rawText());
        continue;
      }
      Prepared p = preparer.prepare(in.node(), request);
      if (p.ok()) {
        envelopeAt.add(i);
        envelopes.add(p.envelope());
        outcomes.add(null); // filled in after the append
        raw.add(null);
      } else {
        outcomes.add(new EventOutcome(i, p.messageId(), Status.REJECTED, 0, p.violations(), null, in.rows()));
        raw.add(JsonCodec.text(in.node()));
      }
    }
    long withheld = 0;
    if (!envelopes.isEmpty()) {
      List<EventGate.Verdict> verdicts = gate.admit(List.copyOf(envelopes));
      List<EventEnvelope> admitted = new ArrayList<>(envelopes.size());
      List<Integer> admittedAt = new ArrayList<>(envelopes.size());
      for (int k = 0; k < envelopes.size(); k++) {
        int i = envelopeAt.get(k);
        EventGate.Verdict v = verdicts.get(k);
        if (v instanceof EventGate.Verdict.Withhold w) {
          outcomes.set(i, new EventOutcome(i, envelopes.get(k).messageId().value(), Status.WITHHELD, 0, List.of(),
              null, events.get(i).rows(), w.reason()));
          withheld++;
        } else {
          admitted.add(v instanceof EventGate.Verdict.Reduce r ? r.reduced() : envelopes.get(k));
          admittedAt.add(i);
        }
      }
      envelopes = admitted;
      envelopeAt = admittedAt;
    }
    List<AppendResult> results = envelopes.isEmpty() ? List.of() : log.append(envelopes);
    for (int k = 0; k < results.size(); k++) {
      int i = envelopeAt.get(k);
      AppendResult r = results.get(k);
      Status status = r.outcome() == AppendResult.Outcome.STORED ? Status.ACCEPTED : Status.DUPLICATE;
      outcomes.set(i, new EventOutcome(i, envelopes.get(k).messageId().value(), status, r.seq(), List.of(), null,
          events.get(i).rows()));
    }
    return new Attempt(outcomes, raw, envelopes, results, withheld);
  }

  private void count(Attempt attempt, IngestRequest request) {
    LocalDate day = LocalDate.ofInstant(request.receivedAt(), ZoneOffset.UTC);
    Map<QualityMetric, Long> totals = new EnumMap<>(QualityMetric.class);
    if (attempt.withheld > 0) {
      totals.put(QualityMetric.WITHHELD, attempt.withheld);
    }
    for (int k = 0; k < attempt.results.size(); k++) {
      if (attempt.results.get(k).outcome() == AppendResult.Outcome.DUPLICATE) {
        totals.merge(QualityMetric.DUPLICATE, 1L, Long::sum);
        continue;
      }
      totals.merge(QualityMetric.ACCEPTED, 1L, Long::sum);
      EventEnvelope e = attempt.envelopes.get(k);
      if (request.mode() == IngestMode.HISTORICAL) {
        totals.merge(QualityMetric.HISTORICAL, 1L, Long::sum);
      } else if (Duration.between(e.timestamp(), e.receivedAt()).compareTo(settings.lateAfter()) > 0) {
        totals.merge(QualityMetric.LATE, 1L, Long::sum);
      }
    }
    if (!totals.isEmpty()) {
      SourceId source = request.source();
      counters.add(totals.entrySet().stream().map(t -> new QualityCount(day, source, t.getKey(), t.getValue()))
          .collect(Collectors.toList()));
    }
  }

  static String describe(List<Violation> violations) {
    return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }

  private record Attempt(List<EventOutcome> outcomes, List<String> raw, List<EventEnvelope> envelopes,
      List<AppendResult> results, long withheld) {}
}
