package io.tasker.core.engine;

import io.tasker.core.model.StepState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the {@link TaskResult} callers receive from a task's graph. */
final class Results {
    private Results() {
    }

    static TaskResult of(TaskGraph graph, java.time.Instant nextRunAt) {
        List<TaskResult.StepResult> steps = new ArrayList<>(graph.size());
        for (int i = 0; i < graph.size(); i++) {
            StepRecord step = graph.step(i);
            steps.add(new TaskResult.StepResult(graph.stepName(i), step.state().dbName(), step.attempts(),
                    step.results(), error(step)));
        }
        return new TaskResult(graph.taskId(), graph.template().key(), graph.state().dbName(), nextRunAt, steps);
    }

    static TaskResult of(TaskGraph graph) {
        return of(graph, graph.nextRunAt());
    }

    private static String error(StepRecord step) {
        if (step.state() != StepState.ERROR || !(step.results() instanceof Map<?, ?> results)) {
            return null;
        }
        Object error = results.get("error");
        Object errorClass = results.get("error_class");
        return errorClass == null ? String.valueOf(error) : errorClass + ": " + error;
    }
}
