package io.shopsense.core.recommend.eval;

import io.shopsense.core.recommend.Interaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Splits interactions at a time T so that a model only ever learns from the past: train is strictly before T, test
 * is at or after T (an event at exactly T is future). This is the honest protocol for recommenders; a random split
 * leaks tomorrow's popularity into training.
 *
 * <p>Stateless and thread-safe; the input is not modified.
 */
public final class TemporalSplit {

  private TemporalSplit() {
  }

  /** Splits {@code interactions} as {@code options} say. */
  public static Split split(List<Interaction> interactions, SplitOptions options) {
    List<Interaction> train = new ArrayList<>();
    List<Interaction> test = new ArrayList<>();
    SortedMap<String, Set<String>> trainItems = new TreeMap<>();
    Set<String> trainItemIds = new HashSet<>();
    for (Interaction interaction : interactions) {
      if (interaction.time().isBefore(options.cutoff())) {
        train.add(interaction);
        trainItems.computeIfAbsent(interaction.user(), u -> new TreeSet<>()).add(interaction.item());
        trainItemIds.add(interaction.item());
      } else {
        test.add(interaction);
      }
    }

    SortedMap<String, Set<String>> candidateTruth = new TreeMap<>();
    for (Interaction interaction : test) {
      if (options.truthKinds().contains(interaction.kind())) {
        candidateTruth.computeIfAbsent(interaction.user(), u -> new TreeSet<>()).add(interaction.item());
      }
    }

    Set<String> coldUsers = new TreeSet<>();
    Set<String> coldItems = new TreeSet<>();
    int coldItemPairs = 0;
    SortedMap<String, Set<String>> truth = new TreeMap<>();
    for (var entry : candidateTruth.entrySet()) {
      String user = entry.getKey();
      boolean warm = trainItems.containsKey(user);
      if (!warm) {
        coldUsers.add(user);
        if (options.users() == UserScope.WARM_ONLY) {
          continue;
        }
      }
      Set<String> items = new TreeSet<>();
      for (String item : entry.getValue()) {
        boolean cold = !trainItemIds.contains(item);
        if (cold) {
          coldItems.add(item);
          coldItemPairs++;
        }
        if (!cold || options.keepColdItemsInTruth()) {
          items.add(item);
        }
      }
      // A user whose only truth was cold items has nothing left to measure once those are removed.
      if (!items.isEmpty()) {
        truth.put(user, Collections.unmodifiableSet(items));
      }
    }
    trainItems.replaceAll((user, items) -> Collections.unmodifiableSet(items));
    return new Split(List.copyOf(train), List.copyOf(test), Collections.unmodifiableSortedMap(truth),
        Collections.unmodifiableSortedMap(trainItems), Collections.unmodifiableSet(coldItems), coldItemPairs,
        Collections.unmodifiableSet(coldUsers));
  }
}
