package io.tasker.core.template;

import io.tasker.core.yaml.Position;
import io.tasker.core.yaml.Problem;
import io.tasker.core.yaml.Problems;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The graph rules of {@link DependencyCheck} applied to a template that was built in code rather than
 * loaded, so that the registry never holds one the engine cannot run. Positions are the step lines the
 * template carries, if any.
 */
final class TemplateChecks {
    private static final String NO_FILE = "(template without a source file)";

    private TemplateChecks() {
    }

    static List<Problem> graphProblems(TaskTemplate template) {
        Problems problems = new Problems();
        List<ParsedStep> steps = new ArrayList<>();
        for (int i = 0; i < template.stepTemplates().size(); i++) {
            steps.add(located(template, template.stepTemplates().get(i), i));
        }
        Optional<Set<String>> named = template.namedSteps().isEmpty()
                ? Optional.empty() : Optional.of(new LinkedHashSet<>(template.namedSteps()));
        new DependencyCheck(problems).check(steps, named);
        return problems.list();
    }

    static Position positionOf(TaskTemplate template) {
        return Position.of(sourceOf(template));
    }

    static String sourceOf(TaskTemplate template) {
        return template.sourceFile() == null ? NO_FILE : template.sourceFile().toString();
    }

    private static ParsedStep located(TaskTemplate template, StepTemplate step, int index) {
        Position position = new Position(sourceOf(template), step.line(), 0);
        String path = "step_templates[" + index + "].";
        List<Fields.Located> parents = new ArrayList<>();
        for (int i = 0; i < step.dependsOn().size(); i++) {
            parents.add(new Fields.Located(step.dependsOn().get(i), position, path + "depends_on[" + i + "]"));
        }
        return new ParsedStep(step, new Fields.Located(step.name(), position, path + "name"), parents);
    }
}
