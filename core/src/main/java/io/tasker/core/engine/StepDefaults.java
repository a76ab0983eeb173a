package io.tasker.core.engine;

import io.tasker.core.handler.TaskDraft;
import io.tasker.core.handler.TaskDraft.StepDraft;
import io.tasker.core.json.StorableValues;
import io.tasker.core.json.UnstorableValueException;
import io.tasker.core.persistence.NewTask;
import io.tasker.core.template.StepTemplate;
import io.tasker.core.template.TaskTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code establish_step_dependencies_and_defaults} may change of a task about to be written, and how the
 * change is applied: the task's context, and each step's {@code retryable}, {@code retry_limit} (at least 1) and
 * {@code skippable}. The request's other fields identify the task, and the steps and their dependencies are the
 * template's graph, so a draft that changes them is refused with what it changed.
 */
final class StepDefaults {
    private StepDefaults() {
    }

    static TaskDraft draftOf(NewTask task) {
        TaskTemplate template = task.template();
        List<StepDraft> steps = template.stepTemplates().stream()
                .map(s -> new StepDraft(s.name(), s.dependsOn(), s.retryable(), s.retryLimit(), s.skippable()))
                .toList();
        return new TaskDraft(template.namespace(), template.name(), template.version(), task.context(),
                task.initiator(), task.sourceSystem(), task.reason(), task.tags(), task.requestedAt(), steps);
    }

    /** The task with the draft's changes; {@code who} names the hook in the refusal. */
    static NewTask apply(NewTask task, TaskDraft before, TaskDraft after, String who) {
        requireSameTask(before, after, who);
        TaskTemplate template = task.template().withStepTemplates(steps(task.template(), before, after, who));
        return new NewTask(template, task.ids(), context(after, who), task.initiator(), task.sourceSystem(),
                task.reason(), task.tags(), task.bypassSteps(), task.requestedAt(), task.identityHash(),
                task.idempotencyKey(), task.priority());
    }

    private static void requireSameTask(TaskDraft before, TaskDraft after, String who) {
        List<String> changed = new ArrayList<>();
        addIfChanged(changed, "namespace", before.namespace(), after.namespace());
        addIfChanged(changed, "name", before.name(), after.name());
        addIfChanged(changed, "version", before.version(), after.version());
        addIfChanged(changed, "initiator", before.initiator(), after.initiator());
        addIfChanged(changed, "source_system", before.sourceSystem(), after.sourceSystem());
        addIfChanged(changed, "reason", before.reason(), after.reason());
        addIfChanged(changed, "tags", before.tags(), after.tags());
        addIfChanged(changed, "requested_at", before.requestedAt(), after.requestedAt());
        if (!changed.isEmpty()) {
            throw refused(before, who, "changed the task's " + String.join(", ", changed)
                    + "; of the task only its context may change");
        }
    }

    private static void addIfChanged(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private static List<StepTemplate> steps(TaskTemplate template, TaskDraft before, TaskDraft after, String who) {
        List<StepDraft> old = before.steps();
        List<StepDraft> now = after.steps();
        if (!old.stream().map(StepDraft::name).toList().equals(now.stream().map(StepDraft::name).toList())) {
            throw refused(before, who, "changed the steps to " + now.stream().map(StepDraft::name).toList()
                    + "; steps cannot be added, removed, renamed or reordered");
        }
        List<StepTemplate> steps = new ArrayList<>(old.size());
        for (int i = 0; i < old.size(); i++) {
            StepDraft step = now.get(i);
            if (!step.dependsOn().equals(old.get(i).dependsOn())) {
                throw refused(before, who, "changed the dependencies of step '" + step.name() + "' to "
                        + step.dependsOn() + "; a step's dependencies are its template's");
            }
            if (step.retryLimit() < 1) {
                throw refused(before, who, "set retry_limit of step '" + step.name() + "' to " + step.retryLimit()
                        + "; it counts every execution, so it must be at least 1");
            }
            steps.add(template.stepTemplates().get(i).withDefaults(step.retryable(), step.retryLimit(), step.skippable()));
        }
        return steps;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> context(TaskDraft after, String who) {
        try {
            if (StorableValues.toStorable(after.context()) instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (UnstorableValueException e) {
            throw refused(after, who, "left a task context that cannot be stored as JSON: " + e.getMessage());
        }
        throw refused(after, who, "left a task context that is not a JSON object");
    }

    private static TaskCreationException refused(TaskDraft task, String who, String what) {
        return new TaskCreationException("a task of " + task.namespace() + "." + task.name() + "@" + task.version()
                + " cannot be created: its task handler " + who + " " + what);
    }
}
