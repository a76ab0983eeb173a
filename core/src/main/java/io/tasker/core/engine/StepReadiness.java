package io.tasker.core.engine;

import io.tasker.core.persistence.StoredTask;
import io.tasker.core.template.TaskTemplate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The readiness of every step of a stored task, decided in Java exactly as the engine decides it, in the
 * shape of {@code get_step_readiness_status}: for diagnostics, the parity test and the benchmark.
 */
public final class StepReadiness {
    private final TaskGraph graph;

    /** One step's verdict, with the columns the SQL function returns. */
    public record Row(long stepId, String name, String currentState, boolean dependenciesSatisfied,
                      boolean retryEligible, boolean readyForExecution, Instant nextRetryAt) {
    }

    private StepReadiness(TaskGraph graph) {
        this.graph = graph;
    }

    public static StepReadiness of(StoredTask stored, TaskTemplate template) {
        return new StepReadiness(GraphLoader.graph(stored, template));
    }

    public List<Row> evaluate(Instant now) {
        List<Row> rows = new ArrayList<>(graph.size());
        for (int i = 0; i < graph.size(); i++) {
            StepRecord step = graph.step(i);
            boolean satisfied = graph.dependenciesSatisfied(i);
            rows.add(new Row(step.stepId(), graph.stepName(i), step.state().dbName(), satisfied,
                    Readiness.retryEligible(step), Readiness.isReady(step, satisfied, now), Readiness.nextRetryAt(step)));
        }
        return rows;
    }

    /** How many steps are ready now: the engine's hot-path question, without building rows. */
    public int countReady(Instant now) {
        int ready = 0;
        for (int i = 0; i < graph.size(); i++) {
            if (graph.isReady(i, now)) {
                ready++;
            }
        }
        return ready;
    }
}
