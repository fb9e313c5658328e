package io.shopsense.core.profile;

import io.shopsense.api.UnitOfWork;
import io.shopsense.api.collect.ConsumerOffsets;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.event.Event;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.api.profile.ProfileStore;
import io.shopsense.api.profile.StoredProfile;
import io.shopsense.core.pipeline.LatencySample;
import io.shopsense.core.pipeline.LogConsumer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps every profile up to date as events arrive: follows the event log behind the identity consumer (an event is
 * folded into the profile of the person its identifiers belong to once identity has seen it), folds identity merges
 * in (the merged person's profile into the survivor's), and re-derives the facts and segments of each profile it
 * touches. The profile writes, the consumer's position in the log and its position in the merge history commit in one
 * unit of work, so a crash neither loses nor double-counts an event.
 *
 * <p>On the same thread, so that nothing else writes profiles meanwhile, it runs the scheduled refresh
 * ({@link ProfileRefresh}): the RFM model is refitted and derived fields that change with time alone (lifecycle
 * stages, time-window segments) are brought up to date.
 */
public final class ProfileConsumer implements LogConsumer {
  public static final String NAME = "profile";
  /** The offset key of the position in the merge history. */
  public static final String MERGES = "profile-merges";
  private static final System.Logger LOG = System.getLogger(ProfileConsumer.class.getName());

  private final ProfileEngine engine;
  private final ProfileStore profiles;
  private final IdentityGraph graph;
  private final ConsumerOffsets offsets;
  private final UnitOfWork unitOfWork;
  private final ProfileWriter writer;
  private final ProfileRefresh refresh;
  private final Clock clock;
  private final String identityConsumer;
  private final Duration identityWait;
  private final AtomicReference<CompletableFuture<ProfileRefresh.Report>> refreshRequest = new AtomicReference<>();
  private final ConcurrentLinkedQueue<FutureTask<?>> tasks =
      new ConcurrentLinkedQueue<>();
  private final LatencySample latency = new LatencySample(200_000);
  /** Profiles written since the last refresh. */
  private long changed;

  public ProfileConsumer(ProfileEngine engine, ProfileStore profiles, IdentityGraph graph, ConsumerOffsets offsets,
      UnitOfWork unitOfWork, ProfileWriter writer, ProfileRefresh refresh, Clock clock, String identityConsumer,
      Duration identityWait) {
    this.engine = engine;
    this.profiles = profiles;
    this.graph = graph;
    this.offsets = offsets;
    this.unitOfWork = unitOfWork;
    this.writer = writer;
    this.refresh = refresh;
    this.clock = clock;
    this.identityConsumer = identityConsumer;
    this.identityWait = identityWait;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public long process(List<StoredEvent> events) throws InterruptedException {
    long last = events.get(events.size() - 1).seq();
    io.shopsense.core.identity.EventOwners.awaitIdentity(offsets, identityConsumer, last, identityWait);
    Instant now = clock.instant();
    unitOfWork.run(() -> {
      Map<PersonId, ProfileState> working = new LinkedHashMap<>();
      Map<PersonId, StoredProfile> before = new HashMap<>();
      Set<PersonId> gone = new HashSet<>();
      applyMerges(working, before, gone, now);
      Map<PersonId, List<Event>> byPerson = io.shopsense.core.identity.EventOwners.byPerson(events, graph);
      Set<PersonId> toLoad = new HashSet<>(byPerson.keySet());
      toLoad.removeAll(working.keySet());
      toLoad.removeAll(before.keySet());
      before.putAll(profiles.getAll(toLoad));
      byPerson.forEach((person, list) -> {
        // a person the merges read but did not change is in `before` only: start from what is stored
        ProfileState state = working.computeIfAbsent(person, p -> before.containsKey(p) && !gone.contains(p)
            ? engine.decode(before.get(p)) : engine.newState());
        list.forEach(state::add);
      });
      changed += writer.write(working, before, now, true).profiles();
      if (!gone.isEmpty()) {
        profiles.deleteAll(gone);
      }
      offsets.commit(NAME, last);
      return null;
    });
    long committed = clock.millis();
    for (StoredEvent e : events) {
      latency.record(Math.max(0, committed - e.envelope().receivedAt().toEpochMilli()));
    }
    runPendingWork();
    return last;
  }

  /**
   * Large batches: each person's state is read, derived and written once per batch, however many of its events the
   * batch holds.
   */
  @Override
  public int batchSize() {
    return 5_000;
  }

  @Override
  public long idle(long handedOver) {
    runPendingWork();
    return handedOver;
  }

  /**
   * Event to profile: for the latest 200,000 events folded in, the time from their receipt (their acknowledgement) to
   * the commit of the profiles they changed.
   */
  public LatencySample.Summary latency() {
    return latency.summary();
  }

  /** Asks for a refresh on the consumer's thread; the future completes when it has run. */
  public CompletableFuture<ProfileRefresh.Report> requestRefresh() {
    CompletableFuture<ProfileRefresh.Report> f = new CompletableFuture<>();
    CompletableFuture<ProfileRefresh.Report> pending = refreshRequest.compareAndExchange(null, f);
    return pending != null ? pending : f;
  }

  /**
   * Runs work on the consumer's thread between two batches (so that nothing else writes profiles meanwhile), e.g.
   * replacing profiles by a batch rebuild. The future completes when it has run.
   */
  public <T> Future<T> submit(Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    tasks.add(task);
    return task;
  }

  /** Runs the work submitted for this thread, then the refresh when it is asked for or due. */
  private void runPendingWork() {
    for (FutureTask<?> task; (task = tasks.poll()) != null; ) {
      task.run();
    }
    CompletableFuture<ProfileRefresh.Report> asked = refreshRequest.getAndSet(null);
    if (asked == null && !refresh.isDue(clock.instant(), changed)) {
      return;
    }
    changed = 0;
    try {
      ProfileRefresh.Report report = refresh.run(clock.instant());
      if (asked != null) {
        asked.complete(report);
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "profile refresh failed; it will be tried again", e);
      if (asked != null) {
        asked.completeExceptionally(e);
      }
    }
  }

  /** Folds the merges recorded since the last batch: each merged person's profile goes into the survivor's. */
  private void applyMerges(Map<PersonId, ProfileState> working, Map<PersonId, StoredProfile> before,
      Set<PersonId> gone, Instant now) {
    long cursor = offsets.get(MERGES);
    List<IdentityGraph.SequencedMerge> merges = graph.mergesAfter(cursor, 10_000);
    if (merges.isEmpty()) {
      return;
    }
    Set<PersonId> involved = new HashSet<>();
    for (IdentityGraph.SequencedMerge m : merges) {
      involved.add(m.merge().survivor());
      involved.add(m.merge().merged());
    }
    Map<PersonId, StoredProfile> stored = profiles.getAll(involved);
    before.putAll(stored);
    for (IdentityGraph.SequencedMerge m : merges) {
      PersonId survivor = m.merge().survivor();
      PersonId merged = m.merge().merged();
      ProfileState from = working.remove(merged);
      if (from == null && stored.containsKey(merged) && !gone.contains(merged)) {
        from = engine.decode(stored.get(merged));
      }
      if (from != null) {
        ProfileState into = working.computeIfAbsent(survivor,
            p -> stored.containsKey(p) && !gone.contains(p) ? engine.decode(stored.get(p)) : engine.newState());
        into.merge(from);
        gone.add(merged);
        writer.reassign(merged, survivor, now);
      }
      gone.remove(survivor);
      cursor = m.seq();
    }
    offsets.commit(MERGES, cursor);
  }
}
