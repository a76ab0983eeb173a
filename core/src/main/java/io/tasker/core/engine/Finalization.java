package io.tasker.core.engine;

import io.tasker.core.model.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end of a run (TASKER-COMPAT.md §3.7): a task whose steps are all done completes; one blocked by an
 * exhausted or permanent failure goes to {@code error}; one waiting out a backoff goes back to
 * {@code pending} with {@code next_run_at} set to the earliest time a step is eligible again. The task row
 * itself is written when the orchestrator releases the task's lease ({@code Orchestrator#release}).
 */
final class Finalization {
    private Finalization() {
    }

    static void settle(TaskGraph graph, Cycle cycle) {
        if (graph.state().isFinished()) {
            return;
        }
        TaskAssessment assessment = TaskAssessment.of(graph, cycle.now);
        switch (assessment.status()) {
            case ALL_COMPLETE -> complete(graph, cycle);
            case BLOCKED_BY_FAILURES -> fail(graph, cycle, "steps_in_error_state", errorSteps(graph));
            case WAITING_FOR_DEPENDENCIES -> waitOrFail(graph, cycle, assessment.nextEligibleAt());
            case HAS_READY_STEPS, PROCESSING -> { }
        }
    }

    private static void complete(TaskGraph graph, Cycle cycle) {
        if (graph.state() == TaskState.PENDING) {
            move(graph, cycle, TaskState.IN_PROGRESS, Map.of());
        }
        move(graph, cycle, TaskState.COMPLETE, Map.of());
    }

    private static void fail(TaskGraph graph, Cycle cycle, String message, List<String> steps) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("error_message", message);
        metadata.put("error_steps", steps);
        move(graph, cycle, TaskState.ERROR, metadata);
    }

    private static void waitOrFail(TaskGraph graph, Cycle cycle, Instant nextEligibleAt) {
        if (nextEligibleAt == null) {
            fail(graph, cycle, "no_step_can_run", stuckSteps(graph));
            return;
        }
        if (graph.state() == TaskState.IN_PROGRESS) {
            move(graph, cycle, TaskState.PENDING,
                    Map.of("reason", "waiting_for_retry", "next_run_at", nextEligibleAt.toString()));
        }
        graph.scheduleNextRun(nextEligibleAt);
    }

    private static void move(TaskGraph graph, Cycle cycle, TaskState to, Map<String, Object> metadata) {
        TaskState from = graph.state();
        int sortKey = graph.moveTask(to);
        cycle.taskMoved(graph, from, to, sortKey, metadata);
    }

    private static List<String> errorSteps(TaskGraph graph) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < graph.size(); i++) {
            if (Readiness.permanentlyBlocked(graph.step(i))) {
                names.add(graph.stepName(i));
            }
        }
        return names;
    }

    private static List<String> stuckSteps(TaskGraph graph) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < graph.size(); i++) {
            if (!graph.step(i).state().isTerminal()) {
                names.add(graph.stepName(i));
            }
        }
        return names;
    }
}
