package io.tasker.cli.validate;

import io.tasker.core.template.StepTemplate;
import io.tasker.core.template.TaskTemplate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency structure of a validated (hence acyclic) template: where it starts, where it ends, and its
 * levels — a step's level is one more than its deepest parent's, so the steps of one level can run together.
 *
 * @param levels step names by level, the roots first, each level in template order
 */
record TemplateShape(List<String> roots, List<String> leaves, List<List<String>> levels) {

    static TemplateShape of(TaskTemplate template) {
        List<StepTemplate> steps = template.stepTemplates();
        Set<String> parents = new HashSet<>();
        steps.forEach(step -> parents.addAll(step.dependsOn()));
        List<String> roots = steps.stream().filter(s -> s.dependsOn().isEmpty()).map(StepTemplate::name).toList();
        List<String> leaves = steps.stream().map(StepTemplate::name).filter(name -> !parents.contains(name)).toList();
        return new TemplateShape(roots, leaves, levels(steps));
    }

    /** Kahn's walk from the roots: a step's level is final once its last parent has been walked. */
    private static List<List<String>> levels(List<StepTemplate> steps) {
        Map<String, List<String>> children = new HashMap<>();
        Map<String, Integer> waitingFor = new HashMap<>();
        Map<String, Integer> level = new HashMap<>();
        Deque<String> walkable = new ArrayDeque<>();
        for (StepTemplate step : steps) {
            step.dependsOn().forEach(parent -> children.computeIfAbsent(parent, p -> new ArrayList<>()).add(step.name()));
            waitingFor.put(step.name(), step.dependsOn().size());
            if (step.dependsOn().isEmpty()) {
                level.put(step.name(), 1);
                walkable.add(step.name());
            }
        }
        while (!walkable.isEmpty()) {
            String parent = walkable.pop();
            for (String child : children.getOrDefault(parent, List.of())) {
                level.merge(child, level.get(parent) + 1, Math::max);
                if (waitingFor.merge(child, -1, Integer::sum) == 0) {
                    walkable.add(child);
                }
            }
        }
        return byLevel(steps, level);
    }

    private static List<List<String>> byLevel(List<StepTemplate> steps, Map<String, Integer> level) {
        int deepest = level.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<List<String>> levels = new ArrayList<>();
        for (int depth = 1; depth <= deepest; depth++) {
            int current = depth;
            levels.add(steps.stream().map(StepTemplate::name).filter(name -> level.get(name) == current).toList());
        }
        return levels;
    }
}
