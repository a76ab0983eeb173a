package io.tasker.core.handler;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A task as {@code establish_step_dependencies_and_defaults} sees it: validated, not yet written (it has no id),
 * with its steps in template order. Values are immutable JSON-shaped Java data.
 */
public record TaskDraft(
        String namespace,
        String name,
        String version,
        Map<String, Object> context,
        String initiator,
        String sourceSystem,
        String reason,
        List<String> tags,
        Instant requestedAt,
        List<StepDraft> steps) {

    public TaskDraft {
        context = context == null ? Map.of() : context;
        tags = tags == null ? List.of() : List.copyOf(tags);
        steps = List.copyOf(steps);
    }

    public TaskDraft withContext(Map<String, Object> newContext) {
        return new TaskDraft(namespace, name, version, newContext, initiator, sourceSystem, reason, tags, requestedAt,
                steps);
    }

    public TaskDraft withSteps(List<StepDraft> newSteps) {
        return new TaskDraft(namespace, name, version, context, initiator, sourceSystem, reason, tags, requestedAt,
                newSteps);
    }

    /** One step about to be written: the settings a hook may change, and what it may only read. */
    public record StepDraft(String name, List<String> dependsOn, boolean retryable, int retryLimit, boolean skippable) {
        public StepDraft {
            dependsOn = List.copyOf(dependsOn);
        }

        public StepDraft withRetryable(boolean value) {
            return new StepDraft(name, dependsOn, value, retryLimit, skippable);
        }

        public StepDraft withRetryLimit(int value) {
            return new StepDraft(name, dependsOn, retryable, value, skippable);
        }

        public StepDraft withSkippable(boolean value) {
            return new StepDraft(name, dependsOn, retryable, retryLimit, value);
        }
    }
}
