package io.tasker.core.template;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds dependency cycles among steps without recursion, so that templates with thousands of steps cannot
 * overflow the stack: steps that can never become ready (those left after repeatedly removing steps whose
 * parents are all removed) lie on a cycle or behind one; following parents among them reaches each cycle.
 */
final class StepGraph {
    private final List<String> steps;
    private final Map<String, Integer> order = new HashMap<>();
    private final Map<String, List<String>> parents;

    /**
     * @param parents for each step, the steps it depends on; names that are not steps are ignored
     */
    StepGraph(List<String> steps, Map<String, List<String>> parents) {
        this.steps = List.copyOf(steps);
        this.parents = parents;
        steps.forEach(step -> order.putIfAbsent(step, order.size()));
    }

    /**
     * Each cycle once, in the order the steps would run ({@code a -> b} means b depends on a), starting
     * with its step that comes first in the template and ending with that step again.
     */
    List<List<String>> cycles() {
        Set<String> blocked = stepsThatNeverBecomeReady();
        Set<String> visited = new HashSet<>();
        List<List<String>> cycles = new ArrayList<>();
        for (String start : steps) {
            if (blocked.contains(start) && !visited.contains(start)) {
                walkParents(start, blocked, visited).ifPresent(cycles::add);
            }
        }
        return cycles;
    }

    private Set<String> stepsThatNeverBecomeReady() {
        Map<String, Integer> waitingFor = new LinkedHashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        for (String step : steps) {
            List<String> known = knownParents(step);
            waitingFor.put(step, known.size());
            known.forEach(parent -> children.computeIfAbsent(parent, p -> new ArrayList<>()).add(step));
        }
        Deque<String> ready = new ArrayDeque<>(steps.stream().filter(s -> waitingFor.get(s) == 0).toList());
        while (!ready.isEmpty()) {
            for (String child : children.getOrDefault(ready.pop(), List.of())) {
                if (waitingFor.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        waitingFor.values().removeIf(count -> count == 0);
        return waitingFor.keySet();
    }

    /** Follows blocked parents from {@code start}; returns the cycle closed by this walk, if it closes one. */
    private Optional<List<String>> walkParents(String start, Set<String> blocked, Set<String> visited) {
        List<String> walk = new ArrayList<>();
        Map<String, Integer> positionInWalk = new HashMap<>();
        String step = start;
        while (!visited.contains(step) && !positionInWalk.containsKey(step)) {
            positionInWalk.put(step, walk.size());
            walk.add(step);
            step = knownParents(step).stream().filter(blocked::contains).findFirst().orElseThrow();
        }
        visited.addAll(walk);
        if (!positionInWalk.containsKey(step)) {
            return Optional.empty();
        }
        return Optional.of(inRunningOrder(walk.subList(positionInWalk.get(step), walk.size())));
    }

    /** Turns a walk from child to parent into running order, rotated to start at the earliest step. */
    private List<String> inRunningOrder(List<String> childToParent) {
        List<String> cycle = new ArrayList<>(childToParent);
        Collections.reverse(cycle);
        String first = cycle.stream().min(Comparator.comparing(order::get)).orElseThrow();
        Collections.rotate(cycle, -cycle.indexOf(first));
        cycle.add(first);
        return cycle;
    }

    private List<String> knownParents(String step) {
        return parents.getOrDefault(step, List.of()).stream().filter(order::containsKey).toList();
    }
}
