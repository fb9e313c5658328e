package io.shopsense.core.recommend.eval;

import io.shopsense.core.recommend.Interaction;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

/**
 * The outcome of a {@link TemporalSplit}. Maps and sets iterate in id order so that evaluation is reproducible.
 *
 * @param train          every interaction before the cutoff, of every kind, in input order: what a model trains on
 * @param test           every interaction at or after the cutoff, of every kind, in input order
 * @param truth          per evaluated user, the items they interacted with (in the configured kinds) after the cutoff;
 *                       never contains an empty set
 * @param trainItems     per user, the distinct items they touched in train (any kind): what a full ranking excludes
 * @param coldItems      truth items never seen in train (reported whether or not they were kept in the truth)
 * @param coldItemPairs  the number of (user, item) truth pairs whose item is cold, before any removal
 * @param coldUsers      users with test truth but no train interaction (dropped under {@link UserScope#WARM_ONLY})
 */
public record Split(List<Interaction> train, List<Interaction> test, SortedMap<String, Set<String>> truth,
          SortedMap<String, Set<String>> trainItems, Set<String> coldItems, int coldItemPairs,
          Set<String> coldUsers) {

  /** The number of (user, item) pairs in the truth. */
  public int truthPairs() {
    return truth.values().stream().mapToInt(Set::size).sum();
  }
}
