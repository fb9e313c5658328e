package io.shopsense.core.segment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A shop's segments compiled together: every {@code in_segment} names a segment of the set, there is no cycle, and
 * the rules are evaluated in dependency order (the segments a rule refers to first, ties by id), so that
 * {@code in_segment} sees this round's result. Immutable and thread-safe.
 */
public final class SegmentSet {
  private final Map<String, Rule> rules;
  private final List<String> order;

  private SegmentSet(Map<String, Rule> rules, List<String> order) {
    this.rules = rules;
    this.order = order;
  }

  /**
   * The set of the rules by segment id.
   *
   * @throws IllegalArgumentException for an invalid id, a rule naming a segment that is not in the set, or a cycle
   *                                  (named, as {@code a -> b -> a})
   */
  public static SegmentSet compile(Map<String, Rule> rules) {
    Map<String, Rule> sorted = new TreeMap<>();
    rules.forEach((id, rule) -> sorted.put(SegmentIds.validate(id), Objects.requireNonNull(rule, id)));
    sorted.forEach((id, rule) -> rule.segmentsReferenced().forEach(ref -> {
      if (!sorted.containsKey(ref)) {
        throw new IllegalArgumentException("segment '" + id + "' refers to unknown segment '" + ref + "'");
      }
    }));
    return new SegmentSet(Collections.unmodifiableMap(sorted), order(sorted));
  }

  /** Kahn's algorithm, the smallest ready id first; what is left over lies on or behind a cycle. */
  private static List<String> order(Map<String, Rule> rules) {
    Map<String, Integer> waitingOn = new TreeMap<>();
    Map<String, List<String>> dependents = new TreeMap<>();
    rules.forEach((id, rule) -> {
      waitingOn.put(id, rule.segmentsReferenced().size());
      rule.segmentsReferenced().forEach(ref -> dependents.computeIfAbsent(ref, k -> new ArrayList<>()).add(id));
    });
    PriorityQueue<String> ready = new PriorityQueue<>();
    waitingOn.forEach((id, n) -> {
      if (n == 0) {
        ready.add(id);
      }
    });
    List<String> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      String id = ready.poll();
      order.add(id);
      for (String dependent : dependents.getOrDefault(id, List.of())) {
        if (waitingOn.merge(dependent, -1, Integer::sum) == 0) {
          ready.add(dependent);
        }
      }
    }
    if (order.size() < rules.size()) {
      Set<String> left = new TreeSet<>(rules.keySet());
      order.forEach(left::remove);
      throw new IllegalArgumentException("segments refer to each other in a cycle: " + cycle(rules, left));
    }
    return List.copyOf(order);
  }

  /**
   * A cycle among the segments left over, as {@code a -> b -> a}: each of them refers to another one left over, so
   * following the smallest such reference from the smallest id must come back to an id already on the path.
   */
  private static String cycle(Map<String, Rule> rules, Set<String> left) {
    Deque<String> path = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    String id = left.iterator().next();
    while (seen.add(id)) {
      path.addLast(id);
      id = rules.get(id).segmentsReferenced().stream().filter(left::contains).findFirst().orElseThrow();
    }
    while (!path.peekFirst().equals(id)) {
      path.removeFirst();
    }
    path.addLast(id);
    return String.join(" -> ", path);
  }

  /** The ids of the set's segments, sorted. */
  public Set<String> ids() {
    return rules.keySet();
  }

  /** The order {@link #evaluate} follows: each segment after the segments its rule refers to, ties by id. */
  public List<String> order() {
    return order;
  }

  /** The ids of the segments the person is in, sorted. Pure. */
  public Set<String> evaluate(SegmentSubject subject) {
    Set<String> in = new TreeSet<>();
    for (String id : order) {
      if (rules.get(id).matches(subject, in::contains)) {
        in.add(id);
      }
    }
    return Collections.unmodifiableSet(in);
  }

  /** Whether some rule reads a trait. */
  public boolean usesTraits() {
    return rules.values().stream().anyMatch(Rule::usesTraits);
  }

  /** Whether some segment's membership can change with time alone (see {@link Rule#usesTimeWindows()}). */
  public boolean usesTimeWindows() {
    return rules.values().stream().anyMatch(Rule::usesTimeWindows);
  }
}
