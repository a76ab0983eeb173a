package io.tasker.core.template;

import io.tasker.core.yaml.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Step names and dependencies: unique names, known parents, {@code named_steps} when present, no cycles. */
final class DependencyCheck {
    private static final int LISTED_NAMES = 20;

    private final Problems problems;

    DependencyCheck(Problems problems) {
        this.problems = problems;
    }

    /** @param namedSteps the template's {@code named_steps}, or empty when it has none */
    void check(List<ParsedStep> steps, Optional<Set<String>> namedSteps) {
        Map<String, ParsedStep> byName = uniqueNames(steps);
        steps.forEach(step -> knownParents(step, byName.keySet()));
        namedSteps.ifPresent(named -> steps.forEach(step -> listedInNamedSteps(step, named)));
        cycles(byName);
    }

    private Map<String, ParsedStep> uniqueNames(List<ParsedStep> steps) {
        Map<String, ParsedStep> byName = new LinkedHashMap<>();
        for (ParsedStep step : steps) {
            ParsedStep first = byName.putIfAbsent(step.name().text(), step);
            if (first != null) {
                problems.add(step.name().position(), step.nameField(), "step \"" + step.name().text()
                        + "\" is defined twice (first as " + first.nameField() + at(first) + ")", "unique step names");
            }
        }
        return byName;
    }

    private void knownParents(ParsedStep step, Set<String> names) {
        for (Fields.Located parent : step.dependencies()) {
            if (!names.contains(parent.text())) {
                problems.add(parent.position(), parent.field(), "unknown step \"" + parent.text() + "\"",
                        "one of the steps " + listed(names));
            }
        }
    }

    private void listedInNamedSteps(ParsedStep step, Set<String> named) {
        List<Fields.Located> names = new ArrayList<>();
        names.add(step.name());
        names.addAll(step.dependencies());
        names.stream().filter(name -> !named.contains(name.text())).forEach(name -> problems.add(name.position(), name.field(),
                "step \"" + name.text() + "\" is not listed in named_steps", "one of " + listed(named)));
    }

    private void cycles(Map<String, ParsedStep> byName) {
        Map<String, List<String>> parents = byName.values().stream().collect(Collectors.toMap(
                step -> step.name().text(), step -> step.template().dependsOn()));
        for (List<String> cycle : new StepGraph(List.copyOf(byName.keySet()), parents).cycles()) {
            ParsedStep first = byName.get(cycle.getFirst());
            String closingParent = cycle.get(cycle.size() - 2);
            Fields.Located edge = first.dependencies().stream().filter(d -> d.text().equals(closingParent)).findFirst().orElseThrow();
            problems.add(edge.position(), edge.field(), "dependency cycle " + String.join(" -> ", cycle),
                    "steps that do not depend on themselves, directly or through other steps");
        }
    }

    /** Names for a message, shortened so that a template with a thousand steps still gives a readable one. */
    private static String listed(Set<String> names) {
        if (names.size() <= LISTED_NAMES) {
            return String.join(", ", names);
        }
        return names.stream().limit(LISTED_NAMES).collect(Collectors.joining(", ")) + " and " + (names.size() - LISTED_NAMES) + " more";
    }

    private static String at(ParsedStep step) {
        return step.name().position().line() > 0 ? " at line " + step.name().position().line() : "";
    }
}
