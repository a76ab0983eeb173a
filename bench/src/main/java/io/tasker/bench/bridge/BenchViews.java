package io.tasker.bench.bridge;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The views a step of a small diamond task gets: the same shapes the engine hands to handlers. */
final class BenchViews {
    static final Map<String, Object> CONTEXT = Map.of("even_number", 2L, "order", Map.of("id", 7L, "lines", List.of(1L, 2L)));

    private BenchViews() {
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

    static TaskView task() {
        return new Task(1, "diamond", "bench", "1.0.0", CONTEXT, "bench", "jmh", "benchmark", List.of(),
                Instant.parse("2026-03-01T10:00:00Z"), "in_progress");
    }

    static StepView step() {
        return new Step(2, 1, "diamond_end", CONTEXT, Map.of(), 1, 3, true, "in_progress", null, null,
                List.of("diamond_branch_b", "diamond_branch_c"));
    }

    static SequenceView sequence(StepView step) {
        return new Sequence(List.of(step));
    }
}
