package io.tasker.bridge;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Task, sequence and step views built in memory, for running a handler without an engine. */
final class TestViews {
    static final Instant REQUESTED_AT = Instant.parse("2026-03-01T10:00:00Z");

    private TestViews() {
    }

    record Task(long taskId, String name, String namespace, String version, Map<String, Object> context,
                String initiator, String sourceSystem, String reason, List<String> tags, Instant requestedAt,
                String status) implements TaskView {
    }

    record Step(long workflowStepId, long taskId, String name, Object inputs, Object results, int attempts,
                int retryLimit, boolean retryable, String status, Instant lastAttemptedAt, Object handlerConfig,
                List<String> parentNames) implements StepView {
    }

    record Sequence(List<StepView> steps) implements SequenceView {
        @Override
        public Optional<StepView> findStepByName(String name) {
            return steps.stream().filter(step -> step.name().equals(name)).findFirst();
        }
    }

    static Task task(Map<String, Object> context) {
        return new Task(41, "order", "shop", "1.0.0", context, "tests", "junit", "testing", List.of("fast", "test"),
                REQUESTED_AT, "in_progress");
    }

    static Step step(String name, Map<String, Object> context, Object results, List<String> parents) {
        return step(name, context, results, parents, null);
    }

    static Step step(String name, Map<String, Object> context, Object results, List<String> parents,
                     Object handlerConfig) {
        return new Step(name.hashCode() & 0xffff, 41, name, context, results, 1, 3, true, "in_progress", REQUESTED_AT,
                handlerConfig, parents);
    }

    static Step completed(String name, Object results) {
        return new Step(name.hashCode() & 0xffff, 41, name, Map.of(), results, 1, 3, true, "complete", REQUESTED_AT,
                null, List.of());
    }
}
