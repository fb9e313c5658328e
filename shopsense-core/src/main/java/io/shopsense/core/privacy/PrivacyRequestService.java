package io.shopsense.core.privacy;

import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.api.identity.IdentityLink;
import io.shopsense.api.identity.MergeRecord;
import io.shopsense.api.identity.TraitStore;
import io.shopsense.api.privacy.PrivacyRequest;
import io.shopsense.api.privacy.PrivacyRequests;
import io.shopsense.api.privacy.ReportLine;
import io.shopsense.api.privacy.RequestStatus;
import io.shopsense.api.privacy.RequestType;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Data-subject requests, each tracked with a deadline. A request is handled when it is submitted, on the caller's
 * thread: an access request is answered with a report of what each section holds (the archive is generated again
 * on each download, never stored), a rectification sets the corrected traits, an erasure runs every
 * {@link ErasureStep} in order through the {@link ErasureRunner} and keeps the report. A subject no one is known by
 * is rejected with the reason. An erasure that failed half-way stays in progress and is run again by
 * {@link #process}; its steps are idempotent.
 *
 * <p>After an erasure no request of the person keeps their identifier (the subject becomes {@code erased}); the
 * reports hold counts and places only. A request for a subject no one is known by keeps the subject masked.
 */
public final class PrivacyRequestService {
  private static final int MAX_TRAITS = 100;
  private static final int MAX_TRAIT_NAME = 200;
  private static final int MAX_TRAIT_TEXT = 10_000;

  private final PrivacyRequests requests;
  private final IdentityGraph graph;
  private final TraitStore traits;
  private final List<PersonalDataSection> sections;
  private final List<ErasureStep> steps;
  private final ErasureRunner runner;
  private final PrivacyRequestSettings settings;
  private final Clock clock;
  private final Supplier<String> ids;

  public PrivacyRequestService(PrivacyRequests requests, IdentityGraph graph, TraitStore traits,
      List<PersonalDataSection> sections, List<ErasureStep> steps, ErasureRunner runner,
      PrivacyRequestSettings settings, Clock clock) {
    this(requests, graph, traits, sections, steps, runner, settings, clock, () -> "pr_" + UUID.randomUUID());
  }

  public PrivacyRequestService(PrivacyRequests requests, IdentityGraph graph, TraitStore traits,
      List<PersonalDataSection> sections, List<ErasureStep> steps, ErasureRunner runner,
      PrivacyRequestSettings settings, Clock clock, Supplier<String> ids) {
    this.requests = requests;
    this.graph = graph;
    this.traits = traits;
    this.sections = List.copyOf(sections);
    this.steps = List.copyOf(steps);
    this.runner = runner;
    this.settings = settings;
    this.clock = clock;
    this.ids = ids;
    Set<String> names = new LinkedHashSet<>();
    for (PersonalDataSection s : sections) {
      if (!s.name().matches("[a-z0-9_]{1,64}") || !names.add(s.name())) {
        throw new IllegalArgumentException("section names must be unique and [a-z0-9_]: " + s.name());
      }
    }
  }

  public PrivacyRequestSettings settings() {
    return settings;
  }

  /** The sections of an export, in order. */
  public List<String> sectionNames() {
    return sections.stream().map(PersonalDataSection::name).toList();
  }

  /** The steps of an erasure, in order. */
  public List<String> stepNames() {
    return steps.stream().map(ErasureStep::name).toList();
  }

  /**
   * Records the request and handles it (see the class comment).
   *
   * @throws IllegalArgumentException if the rectification's traits are invalid (nothing is recorded then)
   */
  public PrivacyRequest submit(NewPrivacyRequest asked) throws Exception {
    if (asked.type() == RequestType.RECTIFICATION) {
      validate(asked.traits());
    }
    Instant now = at();
    PrivacyRequest request = new PrivacyRequest(ids.get(), asked.type(), asked.subject().text(), null,
        RequestStatus.RECEIVED, null, now, now.plus(settings.deadline()), null, List.of());
    requests.create(request);
    if (asked.hold()) {
      return request;
    }
    return handle(request, asked.subject(), asked.traits());
  }

  private PrivacyRequest handle(PrivacyRequest received, SubjectRef subject, Properties corrected) throws Exception {
    PrivacyRequest request = received;
    Optional<PersonId> person = resolve(subject);
    if (person.isEmpty()) {
      // nothing is held on the subject, so the request need not hold their identifier either
      PrivacyRequest rejected = request.rejected(at(), "no person is known by this subject")
          .withSubject(subject.masked());
      requests.update(rejected);
      return rejected;
    }
    request = request.withPerson(person.get());
    requests.update(request);
    return switch (request.type()) {
      case ACCESS -> access(request);
      case RECTIFICATION -> rectify(request, corrected);
      case ERASURE -> erase(request);
    };
  }

  /**
   * Handles an open request: one held at submission, an erasure that failed half-way, or an access request. A
   * rectification cannot be run again (its traits are not kept) and is rejected with that reason.
   *
   * @throws java.util.NoSuchElementException if there is no such request
   */
  public PrivacyRequest process(String id) throws Exception {
    PrivacyRequest request = find(id).orElseThrow(() -> new java.util.NoSuchElementException("privacy request"));
    if (request.status().closed()) {
      return request;
    }
    if (request.person() == null) {
      Optional<SubjectRef> subject = SubjectRef.parse(request.subject());
      if (subject.isEmpty() || request.type() == RequestType.RECTIFICATION) {
        PrivacyRequest rejected = request.rejected(at(), "the request names no subject that can be looked "
            + "up; submit it again");
        requests.update(rejected);
        return rejected;
      }
      return handle(request, subject.get(), Properties.EMPTY);
    }
    return switch (request.type()) {
      case ACCESS -> access(request);
      case RECTIFICATION -> {
        PrivacyRequest rejected = request.rejected(at(),
            "the corrected traits were not kept after a failure; submit the rectification again");
        requests.update(rejected);
        yield rejected;
      }
      case ERASURE -> erase(request);
    };
  }

  public Optional<PrivacyRequest> find(String id) {
    return requests.find(id);
  }

  /** Requests in receipt order; {@code overdueOnly} keeps those still open after their deadline. */
  public List<PrivacyRequest> list(RequestStatus status, boolean overdueOnly, String afterId, int limit) {
    return requests.list(status, overdueOnly ? at() : null, afterId, limit);
  }

  public Instant now() {
    return clock.instant();
  }

  /** Now, to the microsecond: what the stores keep, so that a request returned equals the request read back. */
  private Instant at() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  /**
   * Writes the archive of a completed access request, generated now from what is held now.
   *
   * @throws java.util.NoSuchElementException if there is no such request
   * @throws IllegalStateException            if it is not a completed access request, or the person is not held
   *                                          any more (erased since)
   */
  public void writeArchive(String id, OutputStream out) throws IOException {
    PrivacyRequest request = find(id).orElseThrow(() -> new java.util.NoSuchElementException("privacy request"));
    if (request.type() != RequestType.ACCESS || request.status() != RequestStatus.COMPLETED) {
      throw new IllegalStateException("an archive is made for completed access requests only; this one is a "
          + request.type().wireName() + " request, " + request.status().wireName());
    }
    DataSubject subject = live(request.person())
        .orElseThrow(() -> new IllegalStateException("the person of this request is not held any more"));
    List<ExportArchive.Section> parts = new ArrayList<>();
    for (PersonalDataSection s : sections) {
      parts.add(new ExportArchive.Section(s.name(), s.export(subject)));
    }
    ExportArchive.write(out, request.id(), subject.person().value(), at(), parts);
  }

  private PrivacyRequest access(PrivacyRequest request) {
    Optional<DataSubject> subject = live(request.person());
    if (subject.isEmpty()) {
      PrivacyRequest rejected = request.rejected(at(), "the person is not held any more");
      requests.update(rejected);
      return rejected;
    }
    List<ReportLine> lines = new ArrayList<>();
    for (PersonalDataSection s : sections) {
      lines.add(new ReportLine(s.name(), s.name() + ".json, " + s.name() + ".csv",
          s.export(subject.get()).rows().size(), ReportLine.Outcome.EXPORTED, "in the archive"));
    }
    PrivacyRequest done = request.completed(at(), lines, false);
    requests.update(done);
    return done;
  }

  private PrivacyRequest rectify(PrivacyRequest request, Properties corrected) {
    traits.set(request.person(), corrected, at());
    List<ReportLine> lines = corrected.values().keySet().stream().sorted()
        .map(name -> new ReportLine("rectification", "traits", 1, ReportLine.Outcome.RECTIFIED, "trait " + name))
        .toList();
    PrivacyRequest done = request.completed(at(), lines, false);
    requests.update(done);
    return done;
  }

  private PrivacyRequest erase(PrivacyRequest request) throws Exception {
    PrivacyRequest running = request.inProgress();
    requests.update(running);
    List<ReportLine> lines = runner.run(() -> {
      // resolved where profiles are written, after the pipeline caught up: the person as it is now
      DataSubject subject = live(running.person()).orElseGet(() -> new DataSubject(running.person(),
          List.of(running.person()), List.of(), Properties.EMPTY));
      List<ReportLine> out = new ArrayList<>();
      for (ErasureStep step : steps) {
        out.addAll(step.erase(subject));
      }
      return out;
    });
    PrivacyRequest done = running.completed(at(), lines, true);
    requests.update(done);
    requests.forgetSubject(done.person());
    return done;
  }

  /** The person's live id now, if anyone is known by the subject. */
  private Optional<PersonId> resolve(SubjectRef ref) {
    if (ref.identifier() != null) {
      return graph.personOf(ref.identifier());
    }
    PersonId p = graph.resolve(ref.personId());
    return graph.links(p).isEmpty() ? Optional.empty() : Optional.of(p);
  }

  private Optional<DataSubject> live(PersonId asked) {
    PersonId p = graph.resolve(asked);
    List<IdentityLink> links = graph.links(p);
    if (links.isEmpty()) {
      return Optional.empty();
    }
    List<PersonId> persons = new ArrayList<>();
    persons.add(p);
    for (MergeRecord m : graph.merges(p)) {
      persons.add(m.merged());
    }
    return Optional.of(new DataSubject(p, persons, links.stream().map(IdentityLink::identifier).toList(),
        traits.get(p)));
  }

  /** Trait names and values a rectification may set: plain values, no nesting. */
  static void validate(Properties corrected) {
    if (corrected.isEmpty()) {
      throw new IllegalArgumentException("a rectification needs the corrected traits");
    }
    if (corrected.values().size() > MAX_TRAITS) {
      throw new IllegalArgumentException("at most " + MAX_TRAITS + " traits per rectification");
    }
    for (Map.Entry<String, Object> e : corrected.values().entrySet()) {
      String name = e.getKey();
      if (name.isBlank() || name.length() > MAX_TRAIT_NAME || name.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("a trait name must be 1 to " + MAX_TRAIT_NAME
            + " characters without control characters");
      }
      Object v = e.getValue();
      if (v instanceof String s) {
        if (s.length() > MAX_TRAIT_TEXT) {
          throw new IllegalArgumentException("trait " + name + ": text longer than " + MAX_TRAIT_TEXT + " characters");
        }
      } else if (v != null && !(v instanceof Number) && !(v instanceof Boolean)) {
        throw new IllegalArgumentException("trait " + name + ": a corrected value must be text, a number, true/false "
            + "or null");
      }
    }
  }
}
