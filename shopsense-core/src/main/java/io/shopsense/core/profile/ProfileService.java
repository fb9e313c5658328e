package io.shopsense.core.profile;

import io.shopsense.api.Slice;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.event.Event;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.api.privacy.ConsentCheck;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.api.profile.ProfileChange;
import io.shopsense.api.profile.ProfileChanges;
import io.shopsense.api.profile.ProfileFacts;
import io.shopsense.api.profile.ProfileQuery;
import io.shopsense.api.profile.ProfileStore;
import io.shopsense.api.profile.RfmCell;
import io.shopsense.api.profile.SegmentStore;
import io.shopsense.api.profile.StoredProfile;
import io.shopsense.core.collect.EventDecoder;
import io.shopsense.core.identity.PersonDirectory;
import io.shopsense.core.identity.PersonView;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The read side of profiles: one profile, lists, a person's timeline, the RFM grid and the lifecycle reports. */
public final class ProfileService {
  private static final int TOP_INTERESTS = 20;

  private final ProfileEngine engine;
  private final ProfileStore profiles;
  private final ProfileChanges changes;
  private final SegmentStore segments;
  private final PersonDirectory persons;
  private final IdentityGraph graph;
  private final Clock clock;
  private final ConsentCheck consent;

  /** @param consent without personalisation consent, a profile is served without {@link PersonalisationFeatures} */
  public ProfileService(ProfileEngine engine, ProfileStore profiles, ProfileChanges changes, SegmentStore segments,
      PersonDirectory persons, IdentityGraph graph, Clock clock, ConsentCheck consent) {
    this.consent = consent;
    this.engine = engine;
    this.profiles = profiles;
    this.changes = changes;
    this.segments = segments;
    this.persons = persons;
    this.graph = graph;
    this.clock = clock;
  }

  /** The profile of the owner of the identifier (a user id, an anonymous id, an email, …). */
  public Optional<Profile> find(Identifier identifier) {
    return graph.personOf(identifier).flatMap(this::find);
  }

  /** The profile of the person, or of the survivor of the merges the person went into. */
  public Optional<Profile> find(PersonId asked) {
    Optional<PersonView> view = persons.find(asked);
    if (view.isEmpty()) {
      return Optional.empty();
    }
    PersonView p = view.get();
    Optional<StoredProfile> stored = profiles.get(p.id());
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    ProfileState state = engine.decode(stored.get());
    BehaviourView behaviour = state.behaviour().view();
    ProfileFacts facts = stored.get().facts();
    Map<String, Double> interests = new LinkedHashMap<>();
    Map<String, Object> traits = new TreeMap<>(p.traits().values());
    List<String> personal = traits.keySet().stream().filter(PersonalTraits::isPersonal).toList();
    if (!consent.allows(p.id(), Purpose.PERSONALISATION)) {
      return Optional.of(new Profile(p.id(), p.asked(), p.identifiers(), traits, personal,
          PersonalisationFeatures.withheld(behaviour), rfm(facts), facts.lifecycleStage(), facts.stageSince(),
          interests, null, List.of(), stored.get().updatedAt()));
    }
    state.interests().scores(now).entrySet().stream().limit(TOP_INTERESTS)
        .forEach(e -> interests.put(e.getKey(), Math.round(e.getValue() * 10_000) / 10_000d));
    SessionIntent intent = SessionIntent.currentOf(state.recent(), now);
    List<String> in = new ArrayList<>(new TreeSet<>(
        segments.segmentsOf(List.of(p.id())).getOrDefault(p.id(), Set.of())));
    return Optional.of(new Profile(p.id(), p.asked(), p.identifiers(), traits, personal, behaviour, rfm(facts),
        facts.lifecycleStage(), facts.stageSince(), interests, intent == null ? null : intent.key(), in,
        stored.get().updatedAt()));
  }

  static Profile.Rfm rfm(ProfileFacts f) {
    if (f.recency() == null) {
      return null;
    }
    RfmSegment s = RfmSegment.byKey(f.rfmSegment()).orElseThrow();
    return new Profile.Rfm(f.recency(), f.frequency(), f.monetary(), s.key(), s.label());
  }

  /** A page of profiles' facts, in person id order. */
  public Slice<StoredProfile> list(ProfileQuery query) {
    return profiles.list(query);
  }

  /** One entry of a timeline: an event the person sent, or a change of their profile. */
  public record TimelineEntry(Instant at, String kind, String name, String detail, long seq) {}

  /**
   * The person's latest events and profile changes, newest first, at most {@code limit} of each kind merged in
   * time order.
   */
  public List<TimelineEntry> timeline(PersonId person, int limit) {
    PersonId id = graph.resolve(person);
    List<TimelineEntry> out = new ArrayList<>();
    List<StoredEvent> events = new ArrayList<>();
    long after = 0;
    // the log is read oldest first; keep the latest `limit`
    while (true) {
      List<StoredEvent> page = persons.events(id, after, 5_000);
      if (page.isEmpty()) {
        break;
      }
      events.addAll(page);
      if (events.size() > limit) {
        events.subList(0, events.size() - limit).clear();
      }
      after = page.get(page.size() - 1).seq();
    }
    for (StoredEvent s : events) {
      Event e = EventDecoder.decode(s.envelope());
      out.add(new TimelineEntry(e.meta().timestamp(), "event", e.name(), e.type().wireName(), s.seq()));
    }
    for (ProfileChange c : changes.of(id, limit)) {
      String detail = c.kind() == ProfileChange.Kind.LIFECYCLE_STAGE_CHANGED
          ? (c.from() == null ? "" : c.from() + " → ") + c.to()
          : c.kind() == ProfileChange.Kind.SEGMENT_ENTERED ? c.to() : c.from();
      out.add(new TimelineEntry(c.at(), "change", c.kind().eventName(), detail, c.seq()));
    }
    out.sort(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::seq).reversed());
    return out.size() > 2 * limit ? out.subList(0, 2 * limit) : out;
  }

  /** The RFM grid: persons per recency × (frequency+monetary)/2 cell with its named segment, and per full cell. */
  public record RfmGrid(ProfileModel model, long customers, List<GridCell> grid, Map<String, Long> bySegment,
      List<Map.Entry<RfmCell, Long>> cells) {}

  /** One cell of the 5 × 5 grid. */
  public record GridCell(int recency, int frequencyMonetary, String segment, long persons) {}

  public RfmGrid rfmGrid() {
    Map<RfmCell, Long> cells = profiles.rfmGrid();
    long[][] grid = new long[5][5];
    Map<String, Long> bySegment = new LinkedHashMap<>();
    for (RfmSegment s : RfmSegment.values()) {
      bySegment.put(s.key(), 0L);
    }
    long customers = 0;
    for (Map.Entry<RfmCell, Long> e : cells.entrySet()) {
      RfmCell c = e.getKey();
      int fm = (c.frequency() + c.monetary() + 1) / 2;
      grid[c.recency() - 1][fm - 1] += e.getValue();
      bySegment.merge(RfmSegment.of(c.recency(), c.frequency(), c.monetary()).key(), e.getValue(), Long::sum);
      customers += e.getValue();
    }
    List<GridCell> out = new ArrayList<>();
    for (int r = 5; r >= 1; r--) {
      for (int fm = 1; fm <= 5; fm++) {
        out.add(new GridCell(r, fm, RfmSegment.of(r, fm, fm).key(), grid[r - 1][fm - 1]));
      }
    }
    List<Map.Entry<RfmCell, Long>> sorted = new ArrayList<>(cells.entrySet());
    sorted.sort(Comparator.comparing((Map.Entry<RfmCell, Long> e) -> e.getKey().recency())
        .thenComparing(e -> e.getKey().frequency()).thenComparing(e -> e.getKey().monetary()));
    return new RfmGrid(engine.model(), customers, out, bySegment, sorted);
  }

  /** Persons per lifecycle stage, every stage listed. */
  public Map<String, Long> lifecycleDistribution() {
    Map<String, Long> counts = profiles.countByStage();
    Map<String, Long> out = new LinkedHashMap<>();
    for (LifecycleStage s : LifecycleStage.values()) {
      out.put(s.key(), counts.getOrDefault(s.key(), 0L));
    }
    return out;
  }

  /** How the lifecycle transitions are bucketed. */
  public enum Bucket { DAY, WEEK, MONTH }

  /** One flow: persons who went {@code from} → {@code to} in the bucket starting {@code start}. */
  public record Flow(LocalDate start, String from, String to, long persons) {}

  /** The lifecycle transitions in [{@code from}, {@code to}), counted per bucket and pair of stages. */
  public List<Flow> lifecycleFlows(Instant from, Instant to, Bucket bucket) {
    Map<Flow, Long> counts = new TreeMap<>(Comparator.comparing(Flow::start)
        .thenComparing(f -> String.valueOf(f.from())).thenComparing(f -> String.valueOf(f.to())));
    for (ProfileChanges.FlowCount f : changes.flows(ProfileChange.Kind.LIFECYCLE_STAGE_CHANGED, from, to)) {
      LocalDate start = switch (bucket) {
        case DAY -> f.day();
        case WEEK -> f.day().with(java.time.DayOfWeek.MONDAY);
        case MONTH -> f.day().withDayOfMonth(1);
      };
      counts.merge(new Flow(start, f.from(), f.to(), 0), f.count(), Long::sum);
    }
    List<Flow> out = new ArrayList<>();
    counts.forEach((k, n) -> out.add(new Flow(k.start(), k.from(), k.to(), n)));
    return out;
  }
}
