package io.shopsense.core.identity;

import io.shopsense.api.event.Alias;
import io.shopsense.api.event.Event;
import io.shopsense.api.event.Identify;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.api.identity.IdentityLink;
import io.shopsense.api.identity.MergeRecord;
import io.shopsense.api.identity.RefusedMerge;
import io.shopsense.api.identity.TraitStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Stitches identities as events show them: an event that carries identifiers of two persons (an anonymous id and
 * the user id it logged in as, an alias, a shared email) merges them — unless that would over-merge. Guards: a person
 * owns at most one identifier of each unique kind (two persons with different user ids are merged only by an
 * explicit alias), and at most {@code maxIdentifiersPerPerson} identifiers; every refused merge is recorded.
 *
 * <p>Driven by one log consumer, in log order; not thread-safe. Idempotent: observing an event again changes nothing,
 * so the consumer can replay after a crash.
 */
public final class IdentityResolver {

  private final IdentityGraph graph;
  private final TraitStore traits;
  private final IdentitySettings settings;
  private final Supplier<PersonId> newPersonIds;
  private final Map<Identifier, PersonId> cache;

  public IdentityResolver(IdentityGraph graph, TraitStore traits, IdentitySettings settings,
      Supplier<PersonId> newPersonIds) {
    this.graph = graph;
    this.traits = traits;
    this.settings = settings;
    this.newPersonIds = newPersonIds;
    this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Identifier, PersonId> eldest) {
        return size() > settings.cacheSize();
      }
    };
  }

  /** Persons that existed before and got another identifier since the last {@link #drainGrown()}. */
  private final Set<PersonId> grown = new LinkedHashSet<>();

  /**
   * The persons that existed before and were given another identifier (or took over a merged person's) since the last
   * call, then forgets them: for caches keyed by person that read over a person's identifiers (consent).
   */
  public Set<PersonId> drainGrown() {
    Set<PersonId> out = Set.copyOf(grown);
    grown.clear();
    return out;
  }

  /** Applies what the event shows about identity and traits; returns the person the event is attributed to. */
  public PersonId observe(Event event) {
    Set<Identifier> ids = Identifiers.of(event, settings.traitIdentifiers());
    boolean explicit = event instanceof Alias;
    if (event instanceof Alias alias) {
      ids.add(Identifiers.previous(alias, id -> owner(id).isPresent()));
    }
    MessageId cause = event.meta().messageId();
    Instant at = event.meta().timestamp();
    String reason = event.type().wireName();
    Map<Identifier, PersonId> owners = owners(ids);
    PersonId survivor;
    Set<PersonId> persons = new LinkedHashSet<>(owners.values());
    if (persons.isEmpty()) {
      survivor = newPersonIds.get();
    } else {
      survivor = choose(persons);
      for (PersonId other : persons) {
        if (!other.equals(survivor)) {
          merge(survivor, other, explicit, reason, cause, at);
          // the survivor took over the other's identifiers (and what was recorded under them)
          grown.add(survivor);
        }
      }
    }
    for (Identifier id : ids) {
      if (persons.isEmpty()) {
        // a new person: its few identifiers from one event need no guard (at most one of each kind)
        graph.link(survivor, id, at);
        cache.put(id, survivor);
      } else if (!owners.containsKey(id)) {
        attach(survivor, id, explicit, cause, at);
        grown.add(survivor);
      }
    }
    PersonId attributed = attributed(event).orElse(survivor);
    if (event instanceof Identify identify && !identify.traits().isEmpty()) {
      traits.set(attributed, identify.traits(), at);
    }
    return attributed;
  }

  /** Forgets the cached owners, e.g. after the writes they came from were undone; the store is asked again. */
  public void forget() {
    cache.clear();
    grown.clear();
  }

  /** The person an event belongs to: its user id's owner, else its anonymous id's. */
  public Optional<PersonId> attributed(Event event) {
    if (event.meta().userId() != null) {
      Optional<PersonId> p = owner(Identifier.of(event.meta().userId()));
      if (p.isPresent()) {
        return p;
      }
    }
    return event.meta().anonymous().flatMap(a -> owner(Identifier.of(a)));
  }

  private void merge(PersonId survivor, PersonId other, boolean explicit, String reason, MessageId cause,
      Instant at) {
    List<IdentityLink> mine = graph.links(survivor);
    List<IdentityLink> theirs = graph.links(other);
    String refusal = null;
    if (!explicit) {
      refusal = uniqueConflict(mine, theirs);
    }
    if (refusal == null && mine.size() + theirs.size() > settings.maxIdentifiersPerPerson()) {
      refusal = "identity_cap";
    }
    if (refusal != null) {
      graph.refuse(new RefusedMerge(survivor, other, null, refusal, cause, at));
      return;
    }
    MergeRecord merge = graph.merge(survivor, other, reason, cause, at);
    traits.merge(other, survivor);
    for (Identifier moved : merge.moved()) {
      cache.put(moved, survivor);
    }
  }

  private void attach(PersonId person, Identifier id, boolean explicit, MessageId cause, Instant at) {
    List<IdentityLink> links = graph.links(person);
    String refusal = null;
    if (!explicit && settings.uniqueKinds().contains(id.kind())
        && links.stream().anyMatch(l -> l.identifier().kind() == id.kind())) {
      refusal = "unique_identifier_conflict:" + id.kind().key();
    } else if (links.size() + 1 > settings.maxIdentifiersPerPerson()) {
      refusal = "identity_cap";
    }
    PersonId owner = person;
    if (refusal != null) {
      graph.refuse(new RefusedMerge(person, null, id, refusal, cause, at));
      owner = newPersonIds.get(); // the identifier still needs an owner, so that its events are attributed
    }
    graph.link(owner, id, at);
    cache.put(id, owner);
  }

  private String uniqueConflict(List<IdentityLink> mine, List<IdentityLink> theirs) {
    for (IdentifierKind kind : settings.uniqueKinds()) {
      Set<String> a = values(mine, kind);
      Set<String> b = values(theirs, kind);
      if (!a.isEmpty() && !b.isEmpty() && !a.equals(b)) {
        return "unique_identifier_conflict:" + kind.key();
      }
    }
    return null;
  }

  private static Set<String> values(List<IdentityLink> links, IdentifierKind kind) {
    Set<String> values = new LinkedHashSet<>();
    links.stream().filter(l -> l.identifier().kind() == kind).forEach(l -> values.add(l.identifier().value()));
    return values;
  }

  /** Prefers a known person (one with a user id), then the oldest, then the smallest id: deterministic. */
  private PersonId choose(Set<PersonId> persons) {
    if (persons.size() == 1) {
      return persons.iterator().next();
    }
    Map<PersonId, List<IdentityLink>> links = new HashMap<>();
    persons.forEach(p -> links.put(p, graph.links(p)));
    Comparator<PersonId> known = Comparator.comparing(p -> links.get(p).stream()
        .noneMatch(l -> l.identifier().kind() == IdentifierKind.USER_ID));
    Comparator<PersonId> oldest = Comparator.comparing(p -> links.get(p).stream().map(IdentityLink::linkedAt)
        .min(Comparator.naturalOrder()).orElse(Instant.MAX));
    return new ArrayList<>(persons).stream().min(known.thenComparing(oldest).thenComparing(p -> p)).orElseThrow();
  }

  private Optional<PersonId> owner(Identifier id) {
    PersonId cached = cache.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<PersonId> p = graph.personOf(id);
    p.ifPresent(person -> cache.put(id, person));
    return p;
  }

  private Map<Identifier, PersonId> owners(Set<Identifier> ids) {
    Map<Identifier, PersonId> owners = new LinkedHashMap<>();
    List<Identifier> misses = new ArrayList<>();
    for (Identifier id : ids) {
      PersonId cached = cache.get(id);
      if (cached != null) {
        owners.put(id, cached);
      } else {
        misses.add(id);
      }
    }
    if (!misses.isEmpty()) {
      Map<Identifier, PersonId> found = graph.personsOf(misses);
      for (Identifier id : ids) {
        PersonId p = found.get(id);
        if (p != null) {
          owners.put(id, p);
          cache.put(id, p);
        }
      }
    }
    // keep the order of ids: the user id's owner comes first
    Map<Identifier, PersonId> ordered = new LinkedHashMap<>();
    ids.forEach(id -> {
      if (owners.containsKey(id)) {
        ordered.put(id, owners.get(id));
      }
    });
    return ordered;
  }
}
