package io.shopsense.core.recommend.eval;

import io.shopsense.core.recommend.InteractionKind;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link TemporalSplit} cuts interactions.
 *
 * @param cutoff              the time T: interactions strictly before it train, interactions at or after it test
 * @param users               which test users keep their truth
 * @param truthKinds          which kinds of test interactions make an item relevant (purchases by default), never
 *                            empty
 * @param keepColdItemsInTruth whether items never seen in train stay in the truth: {@code true} is the honest default
 *                            (no collaborative model can recommend them, and that should show); {@code false}
 *                            measures ranking quality among known items only. Cold items are reported either way.
 */
public record SplitOptions(Instant cutoff, UserScope users, Set<InteractionKind> truthKinds,
             boolean keepColdItemsInTruth) {

  public SplitOptions {
    Objects.requireNonNull(cutoff, "cutoff");
    Objects.requireNonNull(users, "users");
    if (truthKinds == null || truthKinds.isEmpty()) {
      throw new IllegalArgumentException("truthKinds must name at least one kind");
    }
    truthKinds = Set.copyOf(truthKinds);
  }

  /** Warm users only, purchases as truth, cold items kept in the truth. */
  public static SplitOptions at(Instant cutoff) {
    return new SplitOptions(cutoff, UserScope.WARM_ONLY, EnumSet.of(InteractionKind.PURCHASE), true);
  }

  public SplitOptions withUsers(UserScope scope) {
    return new SplitOptions(cutoff, scope, truthKinds, keepColdItemsInTruth);
  }

  public SplitOptions withTruthKinds(Set<InteractionKind> kinds) {
    return new SplitOptions(cutoff, users, kinds, keepColdItemsInTruth);
  }

  public SplitOptions withColdItemsInTruth(boolean keep) {
    return new SplitOptions(cutoff, users, truthKinds, keep);
  }
}
