package io.shopsense.core.recommend.eval;

import io.shopsense.core.recommend.Interaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How popular each item was in the train half: the number of train interactions of any kind that name it (a refund
 * still shows the item was seen). The beyond-accuracy metrics (novelty, long-tail share, popularity bias) are
 * measured against it.
 *
 * <p>Immutable and thread-safe.
 */
public final class ItemPopularity {

  private final Map<String, Integer> counts;
  private final long total;
  private final int catalogSize;
  private final double catalogMean;
  private final Set<String> head;

  private ItemPopularity(Map<String, Integer> counts, long total, Collection<String> catalog) {
    this.counts = counts;
    this.total = total;
    this.catalogSize = catalog.size();
    long catalogTotal = 0;
    for (String item : catalog) {
      catalogTotal += count(item);
    }
    this.catalogMean = catalog.isEmpty() ? Double.NaN : (double) catalogTotal / catalog.size();
    this.head = Collections.unmodifiableSet(headOf(counts, total));
  }

  /**
   * Counts {@code train}; {@code catalog} (distinct item ids) is what the catalog mean and the novelty smoothing are
   * taken over.
   */
  public static ItemPopularity of(Collection<Interaction> train, Collection<String> catalog) {
    Map<String, Integer> counts = new HashMap<>();
    for (Interaction interaction : train) {
      counts.merge(interaction.item(), 1, Integer::sum);
    }
    return new ItemPopularity(Map.copyOf(counts), train.size(), catalog);
  }

  /** Train interactions naming {@code item}; 0 for an item never seen. */
  public int count(String item) {
    return counts.getOrDefault(item, 0);
  }

  /** All train interactions. */
  public long total() {
    return total;
  }

  /** The mean count over the catalog's items (items never seen count 0); NaN for an empty catalog. */
  public double catalogMean() {
    return catalogMean;
  }

  /**
   * The smallest set of most popular items whose counts sum to at least 80% of all train
   * interactions; ties in count are taken in id order so that the head is reproducible.
   */
  public Set<String> head() {
    return head;
  }

  /** Whether {@code item} is outside the head (never-seen items are long tail). */
  public boolean isLongTail(String item) {
    return !head.contains(item);
  }

  /**
   * The item's smoothed share of train interactions, {@code (count + 1) / (total + catalogSize)}: add-one smoothing
   * so that an item never seen in train has a finite novelty instead of an infinite one.
   */
  public double smoothedShare(String item) {
    return (count(item) + 1.0) / (total + Math.max(catalogSize, 1));
  }

  private static Set<String> headOf(Map<String, Integer> counts, long total) {
    List<Map.Entry<String, Integer>> byCount = new ArrayList<>(counts.entrySet());
    byCount.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    Set<String> head = new HashSet<>();
    long covered = 0;
    for (Map.Entry<String, Integer> entry : byCount) {
      // Compare in integers: 0.8 * total in floating point can land just below an exact 80% boundary.
      if (covered * 10 >= total * 8) {
        break;
      }
      head.add(entry.getKey());
      covered += entry.getValue();
    }
    return head;
  }
}
