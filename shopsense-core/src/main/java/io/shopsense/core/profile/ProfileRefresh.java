package io.shopsense.core.profile;

import io.shopsense.api.Slice;
import io.shopsense.api.UnitOfWork;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.profile.ProfileFacts;
import io.shopsense.api.profile.ProfileQuery;
import io.shopsense.api.profile.ProfileStore;
import io.shopsense.api.profile.SegmentStore;
import io.shopsense.api.profile.StoredProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scheduled pass over every profile: refits the {@link ProfileModel} (RFM cut points over the customers, the
 * lifecycle windows over their order gaps), then re-derives every profile's facts and segments at {@code now}, which
 * records the lifecycle transitions and segment exits that time alone brings (a customer turning silent, an order
 * leaving a 30-day window), and measures each segment's size. Facts come from the stored facts where they can
 * ({@link ProfileEngine#factsFromFacts}); a profile's state is decoded only when segments must be evaluated again
 * or its active stage needs its order times. Runs on the profile consumer's thread.
 */
public final class ProfileRefresh {
  private static final int PAGE = 2_000;

  private final ProfileEngine engine;
  private final ProfileStore profiles;
  private final SegmentStore segments;
  private final ProfileWriter writer;
  private final UnitOfWork unitOfWork;
  private final Duration every;
  private static final Duration MIN_GAP = Duration.ofMinutes(1);
  private volatile Instant lastRun;
  private volatile long lastCount;
  /** The segments the last refresh evaluated everyone against. */
  private SegmentEvaluator evaluated = SegmentEvaluator.NONE;

  public ProfileRefresh(ProfileEngine engine, ProfileStore profiles, SegmentStore segments, ProfileWriter writer,
      UnitOfWork unitOfWork, Duration every) {
    this.engine = engine;
    this.profiles = profiles;
    this.segments = segments;
    this.writer = writer;
    this.unitOfWork = unitOfWork;
    this.every = every;
  }

  /** What a refresh did, and the instant it derived everything at. */
  public record Report(Instant at, ProfileModel model, long profiles, long decoded, long stageChanges,
      long segmentChanges, long millis) {}

  /**
   * Whether it is time: nothing has run yet since start, the interval has passed, or — at most once a minute — as
   * many profiles were written since the last refresh as the base then held (at least 100), so that a shop loading
   * its history gets RFM scores without waiting for the schedule, with refreshes that get rarer as the base grows.
   */
  public boolean isDue(Instant now, long changed) {
    Instant last = lastRun;
    if (last == null || !now.isBefore(last.plus(every))) {
      return true;
    }
    return changed >= Math.max(100, lastCount) && !now.isBefore(last.plus(MIN_GAP));
  }

  public Instant lastRun() {
    return lastRun;
  }

  public Report run(Instant now) {
    long start = System.nanoTime();
    ProfileModel.Fitter fitter = new ProfileModel.Fitter();
    profiles.scanFacts((person, facts) -> fitter.accept(facts));
    ProfileModel previous = engine.model();
    ProfileModel model = fitter.fit(engine.configuredWindows(), now);
    engine.model(model);
    unitOfWork.run(() -> {
      profiles.putSetting(ProfileModel.SETTING, model.toJson());
      return null;
    });
    boolean sameWindows = previous.windows().equals(model.windows());
    SegmentEvaluator segmentSet = engine.segments();
    boolean anySegments = !segmentSet.ids().isEmpty();
    // segments saved or deleted since the last refresh: everyone's membership is evaluated again
    boolean segmentsChanged = segmentSet != evaluated;
    long count = 0;
    long stageChanges = 0;
    long segmentChanges = 0;
    long decoded = 0;
    String after = null;
    do {
      Slice<StoredProfile> page = profiles.list(ProfileQuery.all(after, PAGE));
      Map<PersonId, ProfileState> states = new LinkedHashMap<>();
      Map<PersonId, ProfileFacts> factsOnly = new LinkedHashMap<>();
      Map<PersonId, StoredProfile> before = new LinkedHashMap<>();
      for (StoredProfile p : page.items()) {
        before.put(p.person(), p);
        ProfileFacts quick = engine.factsFromFacts(p.facts(), now, sameWindows);
        boolean changed = quick == null || !quick.equals(p.facts());
        if (quick == null || (anySegments && (changed || segmentsChanged || segmentSet.usesTimeWindows()))) {
          states.put(p.person(), engine.decode(p)); // segments (or an active stage) need the state
        } else if (changed) {
          factsOnly.put(p.person(), quick);
        }
      }
      decoded += states.size();
      long[] written = unitOfWork.run(() -> {
        ProfileWriter.Written w = writer.write(states, before, now, false);
        return new long[] {w.stageChanges() + writer.writeFacts(factsOnly, before, now), w.segmentChanges()};
      });
      stageChanges += written[0];
      segmentChanges += written[1];
      count += page.items().size();
      after = page.next();
    } while (after != null);
    for (String id : engine.segments().ids()) {
      unitOfWork.run(() -> {
        segments.recordSize(id, now, segments.size(id));
        return null;
      });
    }
    lastRun = now;
    lastCount = count;
    evaluated = segmentSet;
    return new Report(now, model, count, decoded, stageChanges, segmentChanges, (System.nanoTime() - start) / 1_000_000);
  }
}
