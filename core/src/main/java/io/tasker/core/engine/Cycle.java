package io.tasker.core.engine;

import io.tasker.core.events.TaskerEvent;
import io.tasker.core.model.StepState;
import io.tasker.core.model.TaskState;
import io.tasker.core.persistence.ChangeSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What one orchestration cycle decided, kept apart until the database accepted it: the changes to write,
 * the tasks touched, the attempts to start, the callers to answer and the events to publish.
 */
final class Cycle {
    final Instant now;
    final ChangeSet changes = new ChangeSet();
    final Set<ActiveTask> touched = new LinkedHashSet<>();
    final List<StepRef> toDispatch = new ArrayList<>();
    /** Tasks a worker claimed from the queue for this cycle: their first attempts start before its write commits. */
    final Set<ActiveTask> claimedFromQueue = new java.util.HashSet<>();
    final Map<CompletableFuture<TaskResult>, ActiveTask> answers = new LinkedHashMap<>();
    final Set<ActiveTask> finished = new LinkedHashSet<>();
    /** Tasks whose lease ends with this cycle's write; they leave memory once it is accepted. */
    final Set<ActiveTask> released = new LinkedHashSet<>();
    final List<TaskerEvent> events = new ArrayList<>();

    record StepRef(ActiveTask task, int index) {
    }

    private final boolean publishing;

    /** @param publishing whether anyone listens: events are only built for listeners */
    Cycle(Instant now, boolean publishing) {
        this.now = now;
        this.publishing = publishing;
    }

    void touch(ActiveTask task) {
        task.graph.beginEdit();
        if (touched.add(task)) {
            changes.claimToken(task.taskId(), task.claimToken);
        }
    }

    /** Records a step's new row and every transition between its old and new record. */
    void stepChanged(TaskGraph graph, StepRecord before, StepRecord after, Object results, Map<String, Object> metadata,
                     List<StepState> path) {
        changes.step(new ChangeSet.StepRow(after.stepId(), graph.taskId(), after.attempts(), after.inProcess(), after.processed(),
                after.processedAt(), after.lastAttemptedAt(), after.backoffRequestSeconds(), after.retryable(), results));
        StepState from = before.state();
        int sortKey = before.sortKey();
        for (StepState to : path) {
            sortKey += 10;
            changes.stepTransition(new ChangeSet.Transition(after.stepId(), graph.taskId(), from.dbName(), to.dbName(),
                    sortKey, metadata, now));
            if (publishing) {
                events.add(stepEvent(graph, after, from, to, metadata));
            }
            from = to;
        }
        graph.put(after);
    }

    void taskMoved(TaskGraph graph, TaskState from, TaskState to, int sortKey, Map<String, Object> metadata) {
        changes.taskTransition(new ChangeSet.Transition(graph.taskId(), graph.taskId(), from.dbName(), to.dbName(),
                sortKey, metadata, now));
        if (!publishing) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>(metadata == null ? Map.of() : metadata);
        payload.put("task_id", graph.taskId());
        payload.put("task_name", graph.info().key().name());
        payload.put("from_state", from.dbName());
        payload.put("to_state", to.dbName());
        payload.put("transitioned_at", now.toString());
        events.add(new TaskerEvent(EventNames.task(from, to), now, payload));
    }

    private TaskerEvent stepEvent(TaskGraph graph, StepRecord step, StepState from, StepState to,
                                  Map<String, Object> metadata) {
        Map<String, Object> payload = new LinkedHashMap<>(metadata == null ? Map.of() : metadata);
        payload.put("task_id", graph.taskId());
        payload.put("step_id", step.stepId());
        payload.put("step_name", graph.stepName(step.index()));
        payload.put("attempt_number", Math.max(1, step.attempts()));
        payload.put("retry_limit", step.retryLimit());
        payload.put("from_state", from.dbName());
        payload.put("to_state", to.dbName());
        payload.put("transitioned_at", now.toString());
        return new TaskerEvent(EventNames.step(from, to), now, payload);
    }
}
