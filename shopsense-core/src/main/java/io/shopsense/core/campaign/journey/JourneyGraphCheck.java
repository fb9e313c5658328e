package io.shopsense.core.campaign.journey;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks on a journey's step graph: every target names a step, every step is reachable from the start, every
 * step has a path to an exit step, and no cycle goes round without a wait (it would spin the engine and spam the
 * person). Problems are named by the step's path in the definition.
 */
final class JourneyGraphCheck {
  private final String start;
  private final Map<String, Step> steps;
  private final Map<String, String> paths;

  JourneyGraphCheck(String start, Map<String, Step> steps, Map<String, String> paths) {
    this.start = start;
    this.steps = steps;
    this.paths = paths;
  }

  List<JourneyProblem> problems() {
    List<JourneyProblem> problems = new ArrayList<>();
    for (Step step : steps.values()) {
      List<String> targets = step.targets();
      for (int i = 0; i < targets.size(); i++) {
        String t = targets.get(i);
        if (!steps.containsKey(t)) {
          problems.add(new JourneyProblem(paths.get(step.id()) + "." + targetName(step, i),
              "unknown step '" + t + "'"));
        }
      }
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    if (steps.values().stream().noneMatch(s -> s instanceof Step.Exit)) {
      problems.add(new JourneyProblem("$.steps", "no exit step: every journey needs at least one"));
    }
    Set<String> reachable = reach(Set.of(start), forward());
    for (String id : steps.keySet()) {
      if (!reachable.contains(id)) {
        problems.add(new JourneyProblem(paths.get(id), "step '" + id + "' is unreachable from the start '" + start
            + "'"));
      }
    }
    Set<String> exits = new HashSet<>();
    steps.values().stream().filter(s -> s instanceof Step.Exit).forEach(s -> exits.add(s.id()));
    Set<String> toExit = reach(exits, backward());
    for (String id : steps.keySet()) {
      if (reachable.contains(id) && !toExit.contains(id)) {
        problems.add(new JourneyProblem(paths.get(id), "step '" + id + "' has no path to an exit step"));
      }
    }
    List<String> cycle = cycleWithoutWait();
    if (cycle != null) {
      problems.add(new JourneyProblem(paths.get(cycle.get(0)), "cycle without a wait: " + String.join(" -> ", cycle)));
    }
    return problems;
  }

  private static String targetName(Step step, int i) {
    if (step instanceof Step.Branch) {
      return i == 0 ? "yes" : "no";
    }
    if (step instanceof Step.Split) {
      return "arms[" + i + "].next";
    }
    return "next";
  }

  private Map<String, List<String>> forward() {
    Map<String, List<String>> edges = new HashMap<>();
    steps.values().forEach(s -> edges.put(s.id(), s.targets()));
    return edges;
  }

  private Map<String, List<String>> backward() {
    Map<String, List<String>> edges = new HashMap<>();
    steps.values().forEach(s -> s.targets().forEach(t -> edges.computeIfAbsent(t, k -> new ArrayList<>()).add(s.id())));
    return edges;
  }

  private static Set<String> reach(Set<String> from, Map<String, List<String>> edges) {
    Set<String> seen = new LinkedHashSet<>(from);
    Deque<String> todo = new ArrayDeque<>(from);
    while (!todo.isEmpty()) {
      for (String next : edges.getOrDefault(todo.pop(), List.of())) {
        if (seen.add(next)) {
          todo.push(next);
        }
      }
    }
    return seen;
  }

  /** A cycle through steps none of which is a wait, as the ids along it (first repeated at the end), or null. */
  private List<String> cycleWithoutWait() {
    Map<String, Integer> state = new HashMap<>(); // 1 on the stack, 2 done
    for (String id : steps.keySet()) {
      if (steps.get(id) instanceof Step.Wait || state.containsKey(id)) {
        continue;
      }
      List<String> found = visit(id, state, new ArrayList<>());
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private List<String> visit(String id, Map<String, Integer> state, List<String> stack) {
    state.put(id, 1);
    stack.add(id);
    for (String t : steps.get(id).targets()) {
      if (steps.get(t) instanceof Step.Wait) {
        continue;
      }
      Integer s = state.get(t);
      if (s != null && s == 1) {
        List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(t), stack.size()));
        cycle.add(t);
        return cycle;
      }
      if (s == null) {
        List<String> found = visit(t, state, stack);
        if (found != null) {
          return found;
        }
      }
    }
    stack.remove(stack.size() - 1);
    state.put(id, 2);
    return null;
  }
}
