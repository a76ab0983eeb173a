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
    private final Map<Long, Long> claimTokens = new java.util.HashMap<>();

    /**
     * The full new state of a step row.
     *
     * @param results the new results, or {@link #UNCHANGED} to keep what is stored
     */
    public record StepRow(long stepId, long taskId, int attempts, boolean inProcess, boolean processed, Instant processedAt,
                          Instant lastAttemptedAt, Integer backoffSeconds, boolean retryable, Object results) {
    }

    /** A transition row; {@code ownerId} is the step id for step transitions and the task id for task transitions. */
    public record Transition(long ownerId, long taskId, String from, String to, int sortKey, Map<String, Object> metadata,
                             Instant createdAt) {
    }

    /**
     * The task's flags. A released task's lease ends with this write: {@code nextRunAt} is then when the queue
     * should look at it again (null: never, it is finished or left to its creator); an unreleased task keeps
     * its lease (and its lease expiry as next_run_at).
     */
    public record TaskRow(long taskId, boolean complete, Instant nextRunAt, boolean release) {
    }

    /** Marker for "results unchanged" in {@link StepRow#results()}. */
    public static final Object UNCHANGED = new Object();

    /** The fencing token the writer holds for a task; every task written must have one. */
    public void claimToken(long taskId, long token) {
        claimTokens.put(taskId, token);
    }

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


    /** The tokens of the tasks this change set writes (tasks with a token but no row are not fenced). */
    Map<Long, Long> fences() {
        Map<Long, Long> fences = new LinkedHashMap<>();
        steps.values().forEach(r -> fence(fences, r.taskId()));
        stepTransitions.forEach(t -> fence(fences, t.taskId()));
        taskTransitions.forEach(t -> fence(fences, t.taskId()));
        tasks.keySet().forEach(id -> fence(fences, id));
        return fences;
    }

    private void fence(Map<Long, Long> fences, long taskId) {
        if (!fences.containsKey(taskId)) {
            Long token = claimTokens.get(taskId);
            if (token == null) {
                throw new IllegalStateException("task " + taskId + " is written without the claim token of its lease");
            }
            fences.put(taskId, token);
        }
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
