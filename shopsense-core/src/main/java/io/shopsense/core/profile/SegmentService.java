package io.shopsense.core.profile;

import io.shopsense.api.Slice;
import io.shopsense.api.UnitOfWork;
import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.TraitStore;
import io.shopsense.api.privacy.ConsentCheck;
import io.shopsense.api.profile.ProfileQuery;
import io.shopsense.api.profile.ProfileStore;
import io.shopsense.api.profile.SegmentDefinition;
import io.shopsense.api.profile.SegmentStore;
import io.shopsense.api.profile.StoredProfile;
import io.shopsense.core.segment.SegmentIds;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Segments: saved rules (validated and compiled with the others before they are stored), a preview of a rule's size
 * and a sample before it is saved, members, size history, and the batch evaluation of every saved segment over the
 * whole base. Saving or deleting swaps the compiled set the real-time path evaluates and asks for a refresh, which
 * brings every profile's membership up to date (recording entries and exits).
 */
public final class SegmentService {
  private static final int PAGE = 2_000;
  private static final int SAMPLE = 20;

  private final ProfileEngine engine;
  private final SegmentStore store;
  private final ProfileStore profiles;
  private final TraitStore traits;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final Runnable refresh;
  private final ConsentCheck consent;

  /**
   * @param refresh asks for a refresh of every profile (on the profile consumer's thread)
   * @param consent persons without personalisation consent are in no segment, in previews and batch evaluations too
   */
  public SegmentService(ProfileEngine engine, SegmentStore store, ProfileStore profiles, TraitStore traits,
      UnitOfWork unitOfWork, Clock clock, Runnable refresh, ConsentCheck consent) {
    this.consent = consent;
    this.engine = engine;
    this.store = store;
    this.profiles = profiles;
    this.traits = traits;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
    this.refresh = refresh;
  }

  /** Compiles the stored definitions into the engine (at start-up). */
  public void load() {
    engine.segments(SegmentRules.compile(rules(store.definitions())));
  }

  public List<SegmentDefinition> definitions() {
    return store.definitions();
  }

  public Optional<SegmentDefinition> definition(String id) {
    return store.definition(id);
  }

  /**
   * Creates or updates a segment. The rule is parsed (a {@code RuleSyntaxException} says where it is wrong) and
   * compiled with every other segment (unknown segment references and cycles are refused) before anything is stored.
   */
  public SegmentDefinition save(String id, String name, String description, String ruleText) {
    SegmentIds.validate(id);
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a segment needs a name");
    }
    String canonical = SegmentRules.canonical(ruleText);
    Map<String, String> all = rules(store.definitions());
    all.put(id, canonical);
    SegmentEvaluator compiled = SegmentRules.compile(all);
    // stores keep microseconds: answer what a read will give back
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    Optional<SegmentDefinition> old = store.definition(id);
    SegmentDefinition saved = new SegmentDefinition(id, name.strip(), description,
        canonical, old.map(SegmentDefinition::createdAt).orElse(now), now,
        old.map(d -> d.rule().equals(canonical) ? d.version() : d.version() + 1).orElse(1L));
    unitOfWork.run(() -> {
      store.save(saved);
      return null;
    });
    engine.segments(compiled);
    refresh.run();
    return saved;
  }

  /** Deletes a segment that no other segment refers to; false if there was none. */
  public boolean delete(String id) {
    Map<String, String> all = rules(store.definitions());
    if (all.remove(id) == null) {
      return false;
    }
    List<String> users = SegmentRules.referencing(all, id);
    if (!users.isEmpty()) {
      throw new IllegalStateException("segment " + id + " is used by " + users + "; change those first");
    }
    SegmentEvaluator compiled = SegmentRules.compile(all);
    boolean deleted = unitOfWork.run(() -> store.delete(id));
    engine.segments(compiled);
    return deleted;
  }

  /** A rule's size over the whole base now, and a sample of its members, without saving it. */
  public record Preview(String rule, long size, long profiles, List<String> sample, long millis) {}

  public Preview preview(String ruleText) {
    long start = System.nanoTime();
    String canonical = SegmentRules.canonical(ruleText);
    Map<String, String> all = rules(store.definitions());
    String probe = SegmentRules.PREVIEW_ID;
    all.put(probe, canonical);
    SegmentEvaluator compiled = SegmentRules.compile(all);
    long[] size = {0};
    long[] seen = {0};
    List<String> sample = new ArrayList<>();
    forEachMembership(compiled, (person, in) -> {
      seen[0]++;
      if (in.contains(probe)) {
        size[0]++;
        if (sample.size() < SAMPLE) {
          sample.add(person.value());
        }
      }
    });
    return new Preview(canonical, size[0], seen[0], sample, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * The batch evaluation: every saved segment's members over the whole base, computed from the stored profiles
   * (what the real-time path keeps up to date incrementally).
   */
  public Map<String, Set<PersonId>> evaluateAll() {
    Map<String, Set<PersonId>> out = new TreeMap<>();
    SegmentEvaluator compiled = engine.segments();
    compiled.ids().forEach(id -> out.put(id, new TreeSet<>(java.util.Comparator.comparing(PersonId::value))));
    forEachMembership(compiled, (person, in) -> in.forEach(id -> out.get(id).add(person)));
    return out;
  }

  private void forEachMembership(SegmentEvaluator compiled,
      java.util.function.BiConsumer<PersonId, Set<String>> sink) {
    Instant now = clock.instant();
    String after = null;
    do {
      Slice<StoredProfile> page = profiles.list(ProfileQuery.all(after, PAGE));
      List<PersonId> ids = page.items().stream().map(StoredProfile::person).toList();
      Map<PersonId, Properties> traitsOf = compiled.usesTraits() ? traits.getAll(ids) : Map.of();
      Set<PersonId> personalised = PersonalisationFeatures.allowed(consent, ids);
      for (StoredProfile p : page.items()) {
        if (!personalised.contains(p.person())) {
          sink.accept(p.person(), Set.of());
          continue;
        }
        ProfileState state = engine.decode(p);
        BehaviourView view = state.behaviour().view();
        sink.accept(p.person(), compiled.evaluate(new ProfileSubject(state, view, p.facts(),
            traitsOf.get(p.person()), now)));
      }
      after = page.next();
    } while (after != null);
  }

  /**
   * A page of members. Persons whose personalisation consent was withdrawn a moment ago are left out already (the
   * stored membership follows within seconds), so a page may hold fewer than {@code limit}.
   */
  public Slice<PersonId> members(String id, String after, int limit) {
    Slice<PersonId> page = store.members(id, after, limit);
    Set<PersonId> personalised = PersonalisationFeatures.allowed(consent, page.items());
    if (personalised.size() == page.items().size()) {
      return page;
    }
    return new Slice<>(page.items().stream().filter(personalised::contains).toList(), page.next());
  }

  /** Hands every member to {@code sink}, in person id order. */
  public void forEachMember(String id, Consumer<StoredProfile> sink) {
    String after = null;
    do {
      Slice<PersonId> page = members(id, after, PAGE);
      Map<PersonId, StoredProfile> rows = profiles.getAll(page.items());
      page.items().stream().map(rows::get).filter(java.util.Objects::nonNull).forEach(sink);
      after = page.next();
    } while (after != null);
  }

  public long size(String id) {
    return store.size(id);
  }

  public List<SegmentStore.SizePoint> sizeHistory(String id, Instant from, Instant to) {
    return store.sizeHistory(id, from, to);
  }

  private static Map<String, String> rules(List<SegmentDefinition> definitions) {
    Map<String, String> out = new LinkedHashMap<>();
    definitions.forEach(d -> out.put(d.id(), d.rule()));
    return out;
  }
}
