package io.shopsense.core.consent;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.api.identity.IdentityLink;
import io.shopsense.api.identity.MergeRecord;
import io.shopsense.api.privacy.ConsentCheck;
import io.shopsense.api.privacy.ConsentDecision;
import io.shopsense.api.privacy.ConsentLedger;
import io.shopsense.api.privacy.ConsentRecord;
import io.shopsense.api.privacy.ConsentSubject;
import io.shopsense.api.privacy.Purpose;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ConsentCheck} over the ledger, answered from memory: each person's {@link ConsentState} is read once
 * (over their person id, the persons merged into them and every identifier they own) and kept until a change makes
 * it stale. Local writes invalidate at once ({@link #recorded}); {@link #follow()} — run at least every second by
 * {@link ConsentFollower} — reads the ledger's new records and the identity merges made since, and invalidates the
 * persons they touch, so that a change made by another process takes effect within about a second. An entry older
 * than the settings' time to live is read again (identifiers linked elsewhere). Thread-safe.
 */
public final class LedgerConsentCheck implements ConsentCheck {
  private static final int FOLLOW_PAGE = 1_000;

  private final ConsentLedger ledger;
  private final IdentityGraph graph;
  private final ConsentSettings settings;
  private final Clock clock;
  private final ConcurrentHashMap<PersonId, Entry> cache = new ConcurrentHashMap<>();
  /** Merged-away person ids asked about, to their survivor: their state is the survivor's entry. */
  private final ConcurrentHashMap<PersonId, PersonId> survivors = new ConcurrentHashMap<>();
  private final Object followLock = new Object();
  private long ledgerCursor;
  private long mergeCursor;

  private record Entry(ConsentState state, long loadedAt) {}

  public LedgerConsentCheck(ConsentLedger ledger, IdentityGraph graph, ConsentSettings settings, Clock clock) {
    this.ledger = ledger;
    this.graph = graph;
    this.settings = settings;
    this.clock = clock;
    // what is on record now is read on demand; followers only need what comes after
    this.ledgerCursor = ledger.latestSeq();
    this.mergeCursor = latestMerge(graph);
  }

  public ConsentSettings settings() {
    return settings;
  }

  @Override
  public ConsentDecision check(PersonId person, Purpose purpose) {
    if (settings.strictlyNecessary().containsKey(purpose)) {
      return ConsentState.EMPTY.decide(purpose, settings.strictlyNecessary()); // nobody's record can change it
    }
    return state(person).decide(purpose, settings.strictlyNecessary());
  }

  @Override
  public Map<PersonId, ConsentDecision> check(Collection<PersonId> persons, Purpose purpose) {
    if (settings.strictlyNecessary().containsKey(purpose)) {
      ConsentDecision allowed = ConsentState.EMPTY.decide(purpose, settings.strictlyNecessary());
      Map<PersonId, ConsentDecision> out = new LinkedHashMap<>();
      persons.forEach(p -> out.put(p, allowed));
      return out;
    }
    Map<PersonId, ConsentState> states = states(persons);
    Map<PersonId, ConsentDecision> out = new LinkedHashMap<>();
    states.forEach((p, s) -> out.put(p, s.decide(purpose, settings.strictlyNecessary())));
    return out;
  }

  /** The decision a state makes under these settings (for states built from identifiers, at collection). */
  public ConsentDecision decide(ConsentState state, Purpose purpose) {
    return state.decide(purpose, settings.strictlyNecessary());
  }

  /** The person's consent state, from memory when it is there. */
  public ConsentState state(PersonId person) {
    Entry e = cached(person);
    if (e != null && fresh(e)) {
      return e.state;
    }
    return states(List.of(person)).get(person);
  }

  /** The consent states of the persons: those not in memory are read together. */
  public Map<PersonId, ConsentState> states(Collection<PersonId> persons) {
    Map<PersonId, ConsentState> out = new LinkedHashMap<>();
    List<PersonId> missing = new ArrayList<>();
    for (PersonId p : persons) {
      Entry e = cached(p);
      if (e != null && fresh(e)) {
        out.put(p, e.state);
      } else {
        out.put(p, null);
        missing.add(p);
      }
    }
    if (!missing.isEmpty()) {
      out.putAll(load(missing));
    }
    return out;
  }

  /** The consent on record for identifiers that no person owns yet (a new visitor the identity consumer has not seen). */
  public ConsentState stateOfUnlinked(Collection<Identifier> identifiers) {
    if (identifiers.isEmpty()) {
      return ConsentState.EMPTY;
    }
    return ConsentState.of(ledger.history(identifiers.stream().map(ConsentSubject::of).toList()));
  }

  /** Each identifier's own records' state (one ledger read for all): for identifiers no person owns yet. */
  public Map<Identifier, ConsentState> statesOfUnlinked(Collection<Identifier> identifiers) {
    Map<Identifier, ConsentState> out = new HashMap<>();
    if (identifiers.isEmpty()) {
      return out;
    }
    Map<ConsentSubject, List<ConsentRecord>> bySubject = new HashMap<>();
    for (ConsentRecord r : ledger.history(identifiers.stream().map(ConsentSubject::of).toList())) {
      bySubject.computeIfAbsent(r.subject(), s -> new ArrayList<>()).add(r);
    }
    for (Identifier id : identifiers) {
      List<ConsentRecord> rs = bySubject.get(ConsentSubject.of(id));
      out.put(id, rs == null ? ConsentState.EMPTY : ConsentState.of(rs));
    }
    return out;
  }

  /** The subjects a person's consent is read over: the person, those merged into them, their identifiers. */
  public Set<ConsentSubject> subjectsOf(PersonId person) {
    PersonId survivor = graph.resolve(person);
    return subjects(person, survivor, graph.merges(survivor), graph.links(survivor));
  }

  /** {@link #subjectsOf(PersonId)} of many persons, in three reads of the identity graph for all of them. */
  private Map<PersonId, Set<ConsentSubject>> subjectsOf(List<PersonId> persons) {
    if (persons.size() == 1) {
      return Map.of(persons.get(0), subjectsOf(persons.get(0)));
    }
    Map<PersonId, PersonId> survivorOf = graph.resolveAll(persons);
    Set<PersonId> survivors = new LinkedHashSet<>(survivorOf.values());
    Map<PersonId, List<MergeRecord>> merges = graph.mergesInto(survivors);
    Map<PersonId, List<IdentityLink>> links = graph.linksOf(survivors);
    Map<PersonId, Set<ConsentSubject>> out = new LinkedHashMap<>();
    for (PersonId person : persons) {
      PersonId survivor = survivorOf.get(person);
      out.put(person, subjects(person, survivor, merges.get(survivor), links.get(survivor)));
    }
    return out;
  }

  /** The survivor first (the cache keys its state by it), then the person asked, the merged and the identifiers. */
  private static Set<ConsentSubject> subjects(PersonId person, PersonId survivor, List<MergeRecord> merges,
      List<IdentityLink> links) {
    Set<ConsentSubject> subjects = new LinkedHashSet<>();
    subjects.add(ConsentSubject.of(survivor));
    subjects.add(ConsentSubject.of(person));
    for (MergeRecord m : merges) {
      subjects.add(ConsentSubject.of(m.merged()));
    }
    for (IdentityLink link : links) {
      subjects.add(ConsentSubject.of(link.identifier()));
    }
    return subjects;
  }

  /**
   * Invalidates what records written in this process change, at once; returns the persons they are about (empty for
   * identifiers no person owns yet).
   */
  public Set<PersonId> recorded(Collection<ConsentRecord> records) {
    Set<PersonId> touched = new LinkedHashSet<>();
    Set<ConsentSubject> seen = new java.util.HashSet<>();
    for (ConsentRecord r : records) {
      if (seen.add(r.subject())) {
        personOf(r.subject()).ifPresent(touched::add);
      }
    }
    invalidate(touched);
    return touched;
  }

  /**
   * Reads the ledger's records and the merges made since the last call and invalidates the persons they touch;
   * returns the persons whose consent may have changed (for profiles and segments to follow).
   */
  public Set<PersonId> follow() {
    synchronized (followLock) {
      Set<PersonId> changed = new LinkedHashSet<>();
      for (List<ConsentRecord> page; !(page = ledger.after(ledgerCursor, FOLLOW_PAGE)).isEmpty(); ) {
        changed.addAll(recorded(page));
        ledgerCursor = page.get(page.size() - 1).seq();
        if (page.size() < FOLLOW_PAGE) {
          break;
        }
      }
      for (List<IdentityGraph.SequencedMerge> page; !(page = graph.mergesAfter(mergeCursor, FOLLOW_PAGE))
          .isEmpty(); ) {
        Set<PersonId> merged = new LinkedHashSet<>();
        for (IdentityGraph.SequencedMerge m : page) {
          merged.add(m.merge().survivor());
          merged.add(m.merge().merged());
        }
        invalidate(merged);
        // the survivor's consent is now the latest of both: its segments follow
        changed.addAll(merged);
        mergeCursor = page.get(page.size() - 1).seq();
        if (page.size() < FOLLOW_PAGE) {
          break;
        }
      }
      return changed;
    }
  }

  /** Forgets the persons' states (and those of persons merged away into them, which resolve alike). */
  public void invalidate(Collection<PersonId> persons) {
    for (PersonId p : persons) {
      cache.remove(p);
      PersonId survivor = survivors.get(p);
      if (survivor != null) {
        cache.remove(survivor);
      }
    }
  }

  /**
   * Loads every person's state in one pass over the ledger and the identity graph (instead of a few reads per person
   * on first use), e.g. before a serving path takes traffic. Returns the number of persons now in memory. Persons
   * beyond the cache's size are left to be read on demand.
   */
  public int warmAll() {
    Map<ConsentSubject, List<ConsentRecord>> bySubject = new HashMap<>();
    for (long after = 0; ; ) {
      List<ConsentRecord> page = ledger.after(after, 10_000);
      page.forEach(r -> bySubject.computeIfAbsent(r.subject(), s -> new ArrayList<>()).add(r));
      if (page.size() < 10_000) {
        break;
      }
      after = page.get(page.size() - 1).seq();
    }
    Map<PersonId, List<ConsentRecord>> byPerson = new HashMap<>();
    Set<PersonId> persons = new LinkedHashSet<>();
    long now = clock.millis();
    graph.scanLinks((identifier, person) -> {
      if (persons.size() < settings.maxCachedPersons()) {
        persons.add(person);
      }
      List<ConsentRecord> rs = bySubject.get(ConsentSubject.of(identifier));
      if (rs != null) {
        byPerson.computeIfAbsent(person, p -> new ArrayList<>()).addAll(rs);
      }
    });
    for (Map.Entry<ConsentSubject, List<ConsentRecord>> e : bySubject.entrySet()) {
      if (e.getKey().kind() == ConsentSubject.Kind.PERSON) {
        byPerson.computeIfAbsent(graph.resolve(PersonId.of(e.getKey().value())), p -> new ArrayList<>())
            .addAll(e.getValue());
      }
    }
    for (PersonId p : persons) {
      List<ConsentRecord> rs = byPerson.get(p);
      cache.put(p, new Entry(rs == null ? ConsentState.EMPTY : ConsentState.of(rs), now));
    }
    return cache.size();
  }

  /** Forgets every state (after an erasure, or in tests). */
  public void invalidateAll() {
    cache.clear();
    survivors.clear();
  }

  /** Persons in memory now. */
  public int cached() {
    return cache.size();
  }

  private java.util.Optional<PersonId> personOf(ConsentSubject subject) {
    if (subject.kind() == ConsentSubject.Kind.PERSON) {
      return java.util.Optional.of(graph.resolve(PersonId.of(subject.value())));
    }
    return graph.personOf(subject.identifier().orElseThrow()).map(graph::resolve);
  }

  private Map<PersonId, ConsentState> load(List<PersonId> persons) {
    Map<PersonId, Set<ConsentSubject>> subjects = subjectsOf(persons);
    Set<ConsentSubject> all = new LinkedHashSet<>();
    subjects.values().forEach(all::addAll);
    Map<ConsentSubject, List<ConsentRecord>> bySubject = new HashMap<>();
    for (ConsentRecord r : ledger.history(all)) {
      bySubject.computeIfAbsent(r.subject(), s -> new ArrayList<>()).add(r);
    }
    if (cache.size() + persons.size() > settings.maxCachedPersons()) {
      cache.clear(); // crude but bounded; a warm serving set refills it in a few reads per person
    }
    long now = clock.millis();
    Map<PersonId, ConsentState> out = new LinkedHashMap<>();
    subjects.forEach((p, s) -> {
      List<ConsentRecord> history = new ArrayList<>();
      s.forEach(subject -> history.addAll(bySubject.getOrDefault(subject, List.of())));
      ConsentState state = history.isEmpty() ? ConsentState.EMPTY : ConsentState.of(history);
      // the first subject is the survivor the person resolves to
      PersonId survivor = PersonId.of(s.iterator().next().value());
      if (!survivor.equals(p)) {
        survivors.put(p, survivor);
      }
      cache.put(survivor, new Entry(state, now));
      out.put(p, state);
    });
    return out;
  }

  private Entry cached(PersonId person) {
    Entry e = cache.get(person);
    if (e == null && !survivors.isEmpty()) {
      PersonId survivor = survivors.get(person);
      return survivor == null ? null : cache.get(survivor);
    }
    return e;
  }

  private boolean fresh(Entry e) {
    return clock.millis() - e.loadedAt < settings.cacheTtl().toMillis();
  }

  private static long latestMerge(IdentityGraph graph) {
    long cursor = 0;
    for (List<IdentityGraph.SequencedMerge> page; !(page = graph.mergesAfter(cursor, FOLLOW_PAGE)).isEmpty(); ) {
      cursor = page.get(page.size() - 1).seq();
      if (page.size() < FOLLOW_PAGE) {
        break;
      }
    }
    return cursor;
  }
}
