package io.shopsense.core.consent;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.api.privacy.ConsentDecision;
import io.shopsense.api.privacy.ConsentLedger;
import io.shopsense.api.privacy.ConsentRecord;
import io.shopsense.api.privacy.ConsentSubject;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Consent as the API and the data-subject requests see it: record a person's decisions, read their current consent
 * per purpose (with why) and their history, list and erase their records. A subject given by an identifier nobody owns
 * yet is answered from that identifier's own records. Writes invalidate the {@link LedgerConsentCheck} at once and
 * pass the persons they touch to {@code changed} (profiles and segments follow).
 */
public final class ConsentService {
  private final ConsentLedger ledger;
  private final IdentityGraph graph;
  private final LedgerConsentCheck check;
  private final Clock clock;
  private final Consumer<Set<PersonId>> changed;

  public ConsentService(ConsentLedger ledger, IdentityGraph graph, LedgerConsentCheck check, Clock clock,
      Consumer<Set<PersonId>> changed) {
    this.ledger = ledger;
    this.graph = graph;
    this.check = check;
    this.clock = clock;
    this.changed = changed;
  }

  /** One purpose's decisions to record. */
  public record Update(ConsentSubject subject, Map<Purpose, Boolean> purposes, LawfulBasis basis, String source,
      String noticeVersion, String cause) {
    public Update {
      if (subject == null) {
        throw new IllegalArgumentException("a consent update needs its subject");
      }
      if (purposes == null || purposes.isEmpty()) {
        throw new IllegalArgumentException("a consent update needs at least one purpose");
      }
      purposes = new EnumMap<>(purposes);
    }
  }

  /** Records the decisions now; returns the records stored (none again for a repeated cause). */
  public List<ConsentRecord> record(Update update) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<ConsentRecord> records = new ArrayList<>();
    update.purposes().forEach((purpose, granted) -> records.add(new ConsentRecord(0, update.subject(), purpose,
        granted, update.basis(), update.source(), update.noticeVersion(), now, update.cause())));
    List<ConsentRecord> stored = ledger.append(records);
    Set<PersonId> persons = check.recorded(stored);
    if (!persons.isEmpty()) {
      changed.accept(persons);
    }
    return stored;
  }

  /** One purpose's current decision and the record it rests on (null when strictly necessary or none). */
  public record PurposeView(Purpose purpose, ConsentDecision decision, ConsentRecord latest) {}

  /**
   * What is known about a subject's consent now.
   *
   * @param person   the person the subject resolves to, or null for an identifier nobody owns yet
   * @param purposes every purpose, in declaration order
   * @param history  every record it rests on, oldest first
   */
  public record View(ConsentSubject asked, PersonId person, List<PurposeView> purposes, List<ConsentRecord> history) {}

  public View view(ConsentSubject subject) {
    Optional<PersonId> person = personOf(subject);
    List<ConsentRecord> history = ledger.history(person.map(check::subjectsOf).map(List::copyOf)
        .orElse(List.of(subject)));
    ConsentState state = ConsentState.of(history);
    List<PurposeView> purposes = new ArrayList<>();
    for (Purpose p : Purpose.values()) {
      ConsentDecision d = check.decide(state, p);
      purposes.add(new PurposeView(p, d, d instanceof ConsentDecision.Allowed a && a.strictlyNecessary() ? null
          : state.latest(p)));
    }
    return new View(subject, person.orElse(null), purposes, history);
  }

  /** Every consent record held about the person (over all their ids), oldest first: for a data-subject export. */
  public List<ConsentRecord> recordsOf(PersonId person) {
    return ledger.history(check.subjectsOf(person));
  }

  /**
   * Erases every consent record held about the person (over all their ids) and forgets their state; returns how many
   * records went. Call before the identity graph forgets the person's identifiers.
   */
  public int erase(PersonId person) {
    Set<ConsentSubject> subjects = check.subjectsOf(person);
    int erased = ledger.erase(subjects);
    check.invalidate(List.of(person, graph.resolve(person)));
    return erased;
  }

  /** The person the subject stands for now, if any. */
  public Optional<PersonId> personOf(ConsentSubject subject) {
    if (subject.kind() == ConsentSubject.Kind.PERSON) {
      PersonId p = PersonId.of(subject.value());
      PersonId survivor = graph.resolve(p);
      // an id never seen has no links and no merges: it is not a person
      return graph.links(survivor).isEmpty() ? Optional.empty() : Optional.of(survivor);
    }
    return graph.personOf(subject.identifier().orElseThrow()).map(graph::resolve);
  }
}
