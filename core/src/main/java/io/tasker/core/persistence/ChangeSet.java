package io.tasker.core.persistence;

import io.tasker.core.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one orchestration cycle decided, for one write: step rows, step and task transitions, task
 * flags. Collected across many tasks so that a cycle costs one statement and one durable commit.
 */
public final class ChangeSet {
    private final Map<Long, StepRow> steps = new LinkedHashMap<>();
    private final List<Transition> stepTransitions = new ArrayList<>();
    private final List<Transition> taskTransitions = new ArrayList<>();
    private final Map<Long, TaskRow> tasks = new LinkedHashMap<>();

    /**
     * The full new state of a step row.
     *
     * @param results the new results, or {@link #UNCHANGED} to keep what is stored
     */
    public record StepRow(long stepId, int attempts, boolean inProcess, boolean processed, Instant processedAt,
                          Instant lastAttemptedAt, Integer backoffSeconds, boolean retryable, Object results) {
    }

    /** A transition row; {@code ownerId} is the step id for step transitions and the task id for task transitions. */
    public record Transition(long ownerId, long taskId, String from, String to, int sortKey, Map<String, Object> metadata,
                             Instant createdAt) {
    }

    public record TaskRow(long taskId, boolean complete, Instant nextRunAt) {
    }

    /** Marker for "results unchanged" in {@link StepRow#results()}. */
    public static final Object UNCHANGED = new Object();

    public void step(StepRow row) {
        steps.put(row.stepId(), row);
    }

    public void stepTransition(Transition transition) {
        stepTransitions.add(transition);
    }

    public void taskTransition(Transition transition) {
        taskTransitions.add(transition);
    }

    public void task(TaskRow row) {
        tasks.put(row.taskId(), row);
    }

    public boolean isEmpty() {
        return steps.isEmpty() && stepTransitions.isEmpty() && taskTransitions.isEmpty() && tasks.isEmpty();
    }


    Iterable<StepRow> steps() {
        return steps.values();
    }

    List<Transition> stepTransitions() {
        return stepTransitions;
    }

    List<Transition> taskTransitions() {
        return taskTransitions;
    }

    Iterable<TaskRow> tasks() {
        return tasks.values();
    }

    int stepCount() {
        return steps.size();
    }

    int taskCount() {
        return tasks.size();
    }

    static String json(Object value) {
        if (value == UNCHANGED) {
            return null;
        }
        return value instanceof RawJson raw ? raw.text() : Json.write(value);
    }
}
