package io.tasker.core.engine;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Immutable views of task, sequence and step handed to handlers; built from committed records only. */
final class Views {
    private Views() {
    }

    record Task(long taskId, String name, String namespace, String version, Map<String, Object> context,
                String initiator, String sourceSystem, String reason, List<String> tags, Instant requestedAt,
                String status) implements TaskView {
    }

    record Step(long workflowStepId, long taskId, String name, Object inputs, Object results, int attempts,
                int retryLimit, boolean retryable, String status, Instant lastAttemptedAt, Object handlerConfig,
                List<String> parentNames) implements StepView {
    }

    /**
     * Every step of the task as committed when the attempt started. Step views are made on demand, so
     * starting an attempt costs the same for a task of four steps as for one of a thousand.
     */
    record Sequence(TaskGraph graph, StepRecord[] committed) implements SequenceView {
        @Override
        public List<StepView> steps() {
            List<StepView> steps = new ArrayList<>(committed.length);
            for (StepRecord record : committed) {
                steps.add(step(graph, record));
            }
            return java.util.Collections.unmodifiableList(steps);
        }

        @Override
        public Optional<StepView> findStepByName(String name) {
            Integer index = graph.indexOf(name);
            return index == null ? Optional.empty() : Optional.of(step(graph, committed[index]));
        }
    }

    static TaskView task(TaskGraph graph, String status) {
        TaskInfo info = graph.info();
        return new Task(info.taskId(), info.key().name(), info.key().namespace(), info.key().version(), info.context(),
                info.initiator(), info.sourceSystem(), info.reason(), info.tags(), info.requestedAt(), status);
    }

    /** The sequence a handler sees: every step with its committed results, in template order. */
    static Sequence sequence(TaskGraph graph, StepRecord[] committed) {
        return new Sequence(graph, committed);
    }

    static Step step(TaskGraph graph, StepRecord record) {
        int index = record.index();
        return new Step(record.stepId(), graph.taskId(), graph.stepName(index), graph.info().context(),
                record.results(), record.attempts(), record.retryLimit(), record.retryable(), record.state().dbName(),
                record.lastAttemptedAt(), graph.stepTemplate(index).handlerConfig(), graph.parentNamesOf(index));
    }
}
