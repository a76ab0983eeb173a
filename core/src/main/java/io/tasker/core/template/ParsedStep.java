package io.tasker.core.template;

import java.util.List;

/**
 * A step template as read from a file, with the positions the dependency checks report.
 *
 * @param name the step's name, where it was written and its field, e.g. {@code step_templates[2].name}
 * @param dependencies where each entry of {@code template.dependsOn()} was written, in the same order
 */
record ParsedStep(StepTemplate template, Fields.Located name, List<Fields.Located> dependencies) {

    String nameField() {
        return name.field();
    }
}
