package io.shopsense.core.profile;

import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.TraitStore;
import io.shopsense.api.privacy.ConsentCheck;
import io.shopsense.api.profile.ProfileChange;
import io.shopsense.api.profile.ProfileChanges;
import io.shopsense.api.profile.ProfileFacts;
import io.shopsense.api.profile.ProfileStore;
import io.shopsense.api.profile.SegmentStore;
import io.shopsense.api.profile.StoredProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a batch of profiles whose states changed (or whose derived fields may have): derives their facts and
 * segments, stores them, and records what changed — a lifecycle transition at the time it happened, segments entered
 * and exited at {@code now}. Used by the real-time consumer, the scheduled refresh and the local rebuild.
 */
public final class ProfileWriter {
  private final ProfileEngine engine;
  private final ProfileStore profiles;
  private final ProfileChanges changes;
  private final SegmentStore segments;
  private final TraitStore traits;
  private final ConsentCheck consent;

  /** @param consent persons without personalisation consent are members of no segment */
  public ProfileWriter(ProfileEngine engine, ProfileStore profiles, ProfileChanges changes, SegmentStore segments,
      TraitStore traits, ConsentCheck consent) {
    this.consent = consent;
    this.engine = engine;
    this.profiles = profiles;
    this.changes = changes;
    this.segments = segments;
    this.traits = traits;
  }

  /**
   * After an identity merge: the merged person's segment memberships end (each with a recorded exit, so that the
   * entries and exits of the change history still net to the memberships), then their change history becomes the
   * survivor's; the survivor's memberships are re-derived from the merged state.
   */
  public void reassign(PersonId merged, PersonId survivor, Instant now) {
    Set<String> was = segments.segmentsOf(List.of(merged)).getOrDefault(merged, Set.of());
    if (!was.isEmpty()) {
      List<ProfileChange> exits = new ArrayList<>(was.size());
      for (String id : new TreeSet<>(was)) {
        exits.add(new ProfileChange(0, merged, ProfileChange.Kind.SEGMENT_EXITED, id, null, now));
      }
      changes.append(exits);
      segments.removeFromAll(List.of(merged));
    }
    changes.reassign(merged, survivor);
  }

  /**
   * Stores new facts of profiles whose state did not change (a refresh that needed no state), recording their
   * lifecycle transitions; returns the number of transitions.
   */
  public int writeFacts(Map<PersonId, ProfileFacts> facts, Map<PersonId, StoredProfile> before, Instant now) {
    if (facts.isEmpty()) {
      return 0;
    }
    List<ProfileChange> recorded = new ArrayList<>();
    facts.forEach((person, f) -> stageChange(person, before.get(person), f, recorded));
    profiles.putFacts(facts, now);
    if (!recorded.isEmpty()) {
      changes.append(recorded);
    }
    return recorded.size();
  }

  /** Records a lifecycle transition from the stored facts ({@code old}, null for a new profile) to {@code now}. */
  private static boolean stageChange(PersonId person, StoredProfile old, ProfileFacts now,
      List<ProfileChange> recorded) {
    String oldStage = old == null ? null : old.facts().lifecycleStage();
    if (now.lifecycleStage().equals(oldStage)) {
      return false;
    }
    recorded.add(new ProfileChange(0, person, ProfileChange.Kind.LIFECYCLE_STAGE_CHANGED, oldStage,
        now.lifecycleStage(), now.stageSince()));
    return true;
  }

  /** What one write did. */
  public record Written(int profiles, int stageChanges, int segmentChanges) {}

  /**
   * Derives and stores the states. {@code before} holds what was stored for them (missing for new profiles);
   * {@code stateChanged} false writes the facts only (a refresh), leaving the stored states alone.
   */
  public Written write(Map<PersonId, ProfileState> states, Map<PersonId, StoredProfile> before, Instant now,
      boolean stateChanged) {
    if (states.isEmpty()) {
      return new Written(0, 0, 0);
    }
    SegmentEvaluator evaluator = engine.segments();
    Map<PersonId, Properties> traitsOf = evaluator.usesTraits() ? traits.getAll(states.keySet()) : Map.of();
    // a deleted segment takes its memberships with it, so without segments there are none to read
    Map<PersonId, Set<String>> memberships = evaluator.ids().isEmpty() ? Map.of()
        : segments.segmentsOf(states.keySet());
    Set<PersonId> personalised = evaluator.ids().isEmpty() ? Set.of()
        : PersonalisationFeatures.allowed(consent, states.keySet());
    List<StoredProfile> rows = new ArrayList<>(states.size());
    Map<PersonId, ProfileFacts> factsOnly = new HashMap<>();
    List<ProfileChange> recorded = new ArrayList<>();
    Map<String, List<PersonId>> entered = new TreeMap<>();
    Map<String, List<PersonId>> exited = new TreeMap<>();
    int stageChanges = 0;
    int segmentChanges = 0;
    for (Map.Entry<PersonId, ProfileState> e : states.entrySet()) {
      PersonId person = e.getKey();
      ProfileState state = e.getValue();
      BehaviourView view = state.behaviour().view();
      ProfileFacts facts = engine.facts(state, view, now);
      StoredProfile old = before.get(person);
      if (stageChange(person, old, facts, recorded)) {
        stageChanges++;
      }
      Set<String> isIn = personalised.contains(person)
          ? engine.segmentsOf(state, view, facts, traitsOf.get(person), now) : Set.of();
      Set<String> was = memberships.getOrDefault(person, Set.of());
      for (String id : isIn) {
        if (!was.contains(id)) {
          entered.computeIfAbsent(id, k -> new ArrayList<>()).add(person);
          recorded.add(new ProfileChange(0, person, ProfileChange.Kind.SEGMENT_ENTERED, null, id, now));
          segmentChanges++;
        }
      }
      for (String id : was) {
        if (!isIn.contains(id)) {
          exited.computeIfAbsent(id, k -> new ArrayList<>()).add(person);
          recorded.add(new ProfileChange(0, person, ProfileChange.Kind.SEGMENT_EXITED, id, null, now));
          segmentChanges++;
        }
      }
      if (stateChanged) {
        rows.add(new StoredProfile(person, state.encode(), facts, now));
      } else if (old == null || !facts.equals(old.facts())) {
        factsOnly.put(person, facts);
      }
    }
    if (!rows.isEmpty()) {
      profiles.putAll(rows);
    }
    if (!factsOnly.isEmpty()) {
      profiles.putFacts(factsOnly, now);
    }
    entered.forEach((id, persons) -> segments.setMembers(id, persons, true, now));
    exited.forEach((id, persons) -> segments.setMembers(id, persons, false, now));
    if (!recorded.isEmpty()) {
      changes.append(recorded);
    }
    return new Written(states.size(), stageChanges, segmentChanges);
  }
}
