package io.shopsense.server.web.collect;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shopsense.core.collect.BatchOutcome;
import io.shopsense.core.collect.EventOutcome;
import io.shopsense.core.collect.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The JSON shape of ingest results: per event accepted / duplicate / rejected-with-reason. */
final class IngestResponses {
  private IngestResponses() {}

  /**
   * The answer to a batch: the counts, then one result per event in the order sent. {@code withheld}: valid events not
   * stored for lack of consent (the person did not consent to analytics; see the consent gate).
   */
  record BatchAnswer(long accepted, long duplicates, long rejected, long withheld, List<EventAnswer> results) {}

  /**
   * What became of one event.
   *
   * @param status       {@code accepted}, {@code duplicate}, {@code rejected} or {@code withheld}
   * @param seq          its position in the event log (for a duplicate: the stored copy's); absent when rejected
   * @param reason       why it was rejected (the first violation's code) or withheld ({@code no_analytics_consent})
   * @param quarantineId the quarantine entry that keeps a rejected event whole
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record EventAnswer(int index, String messageId, String status, Long seq, String reason,
      List<ViolationAnswer> violations, Long quarantineId) {}

  /** One thing wrong with an event: its code, the field's path, and a message for a person. */
  record ViolationAnswer(String reason, String path, String message) {}

  static BatchAnswer batch(BatchOutcome outcome) {
    long accepted = 0;
    long duplicates = 0;
    long rejected = 0;
    long withheld = 0;
    List<EventAnswer> results = new ArrayList<>(outcome.events().size());
    for (EventOutcome e : outcome.events()) {
      switch (e.status()) {
        case ACCEPTED -> accepted++;
        case DUPLICATE -> duplicates++;
        case WITHHELD -> withheld++;
        default -> rejected++;
      }
      results.add(event(e));
    }
    return new BatchAnswer(accepted, duplicates, rejected, withheld, results);
  }

  static EventAnswer event(EventOutcome e) {
    String status = e.status().name().toLowerCase(Locale.ROOT);
    if (e.status() == EventOutcome.Status.REJECTED) {
      return new EventAnswer(e.index(), e.messageId(), status, null, e.reason(), violations(e.violations()),
          e.quarantineId());
    }
    if (e.status() == EventOutcome.Status.WITHHELD) {
      return new EventAnswer(e.index(), e.messageId(), status, null, e.reason(), null, null);
    }
    return new EventAnswer(e.index(), e.messageId(), status, e.seq(), null, null, null);
  }

  static List<ViolationAnswer> violations(List<Violation> violations) {
    return violations.stream().map(v -> new ViolationAnswer(v.reason().code(), v.path(), v.message())).toList();
  }
}
