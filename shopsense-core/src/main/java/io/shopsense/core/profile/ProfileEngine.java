package io.shopsense.core.profile;

import io.shopsense.api.event.Properties;
import io.shopsense.api.profile.ProfileFacts;
import io.shopsense.api.profile.StoredProfile;
import java.time.Instant;
import java.util.Set;

/**
 * The pure part of profiles: new and decoded fold states, the facts derived from a state under the current
 * {@link ProfileModel}, and segment membership. Shared by the real-time consumer, the scheduled refresh and the
 * batch rebuilds (local and Spark), so they derive alike. The model and the segments are swapped atomically when
 * refitted or edited.
 */
public final class ProfileEngine {
  private final Interests.Settings interests;
  private final LifecycleWindows configuredWindows;
  private volatile ProfileModel model;
  private volatile SegmentEvaluator segments = SegmentEvaluator.NONE;

  /** @param configuredWindows the shop's own lifecycle windows, or null to fit them on its order gaps */
  public ProfileEngine(Interests.Settings interests, LifecycleWindows configuredWindows) {
    this.interests = interests;
    this.configuredWindows = configuredWindows;
    this.model = ProfileModel.initial(configuredWindows);
  }

  public static ProfileEngine defaults() {
    return new ProfileEngine(Interests.Settings.defaults(), null);
  }

  public Interests.Settings interestSettings() {
    return interests;
  }

  /** The configured lifecycle windows, or null when they are fitted. */
  public LifecycleWindows configuredWindows() {
    return configuredWindows;
  }

  public ProfileModel model() {
    return model;
  }

  public void model(ProfileModel model) {
    this.model = model;
  }

  public SegmentEvaluator segments() {
    return segments;
  }

  public void segments(SegmentEvaluator segments) {
    this.segments = segments;
  }

  public ProfileState newState() {
    return new ProfileState(interests);
  }

  public ProfileState decode(StoredProfile stored) {
    return ProfileState.decode(stored.state(), interests);
  }

  /** The facts of a state at {@code now} under the current model. */
  public ProfileFacts facts(ProfileState state, Instant now) {
    return facts(state, state.behaviour().view(), now);
  }

  public ProfileFacts facts(ProfileState state, BehaviourView view, Instant now) {
    ProfileModel m = model;
    LifecycleWindows.StageAt stage = m.windows().stageAt(view.firstSeen(), state.behaviour().orderTimes(), now);
    return facts(m, stage.stage().key(), stage.since(), view.events(), view.orders(), view.netRevenue(),
        view.firstSeen(), view.lastSeen(), view.lastOrder(), view.daysBetweenOrders());
  }

  /**
   * The facts at {@code now} under the current model from the stored facts alone, without the state: the RFM scores
   * (from the last order, orders and net revenue) and the stages the order count and the last order tell
   * ({@link LifecycleWindows#stageWithoutOrderTimes}). Null when the state is needed: an active customer is active
   * since an order only the order times tell, unless the stored facts already say active and the windows are those
   * they were derived with.
   *
   * @param sameWindows whether the current model's lifecycle windows are those the stored facts were derived with
   */
  public ProfileFacts factsFromFacts(ProfileFacts f, Instant now, boolean sameWindows) {
    ProfileModel m = model;
    LifecycleWindows.StageAt known = m.windows().stageWithoutOrderTimes(f.firstSeen(), f.orders(), f.lastOrder(),
        now);
    String stage;
    Instant since;
    if (known != null) {
      stage = known.stage().key();
      since = known.since();
    } else if (sameWindows && LifecycleStage.ACTIVE.key().equals(f.lifecycleStage())) {
      stage = f.lifecycleStage();
      since = f.stageSince();
    } else {
      return null;
    }
    return facts(m, stage, since, f.events(), f.orders(), f.netRevenue(), f.firstSeen(), f.lastSeen(), f.lastOrder(),
        f.daysBetweenOrders());
  }

  private static ProfileFacts facts(ProfileModel m, String stage, Instant since, long events, long orders,
      java.math.BigDecimal net, Instant firstSeen, Instant lastSeen, Instant lastOrder, Double daysBetweenOrders) {
    RfmModel.Rfm rfm = m.rfm().score(lastOrder, orders, net);
    return new ProfileFacts(stage, since, rfm == null ? null : rfm.recency(), rfm == null ? null : rfm.frequency(),
        rfm == null ? null : rfm.monetary(), rfm == null ? null : rfm.segment().key(), events, orders, net,
        firstSeen, lastSeen, lastOrder, daysBetweenOrders);
  }

  /** The segments the person is in at {@code now}. */
  public Set<String> segmentsOf(ProfileState state, BehaviourView view, ProfileFacts facts, Properties traits,
      Instant now) {
    return segments.evaluate(new ProfileSubject(state, view, facts, traits, now));
  }
}
