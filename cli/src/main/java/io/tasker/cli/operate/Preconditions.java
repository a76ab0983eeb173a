package io.tasker.cli.operate;

import io.tasker.cli.InvalidInputException;
import io.tasker.core.model.StepState;
import io.tasker.core.model.TaskState;
import io.tasker.core.query.TaskStatus;
import io.tasker.core.query.TaskStatus.StepStatus;
import java.util.Arrays;
import java.util.List;

/**
 * What an action requires of the task as stored, said in the operator's terms: which state the task or step is
 * in and which states the action needs. The state tables of {@link TaskState} and {@link StepState} decide.
 */
final class Preconditions {

    private Preconditions() {
    }

    /** The task may move to {@code to}. */
    static void taskCanMove(TaskStatus task, TaskState to, String action) {
        taskIn(task, Arrays.stream(TaskState.values()).filter(s -> s.canTransitionTo(to)).toList(), action);
    }

    /** The task is in one of {@code states}. */
    static void taskIn(TaskStatus task, List<TaskState> states, String action) {
        TaskState state = TaskState.fromDb(task.state());
        if (!states.contains(state)) {
            throw new InvalidInputException("task " + task.taskId() + " is " + state.dbName() + "; " + action
                    + " needs a task that is " + either(states.stream().map(TaskState::dbName).toList()));
        }
    }

    /** The step exists and may move to {@code to}. */
    static StepStatus stepCanMove(TaskStatus task, String stepName, StepState to, String action) {
        return stepIn(task, stepName, Arrays.stream(StepState.values()).filter(s -> s.canTransitionTo(to)).toList(), action);
    }

    /** The step exists and is in one of {@code states}. */
    static StepStatus stepIn(TaskStatus task, String stepName, List<StepState> states, String action) {
        StepStatus step = step(task, stepName);
        StepState state = StepState.fromDb(step.state());
        if (!states.contains(state)) {
            throw new InvalidInputException("step '" + stepName + "' of task " + task.taskId() + " is " + state.dbName()
                    + "; " + action + " needs a step that is " + either(states.stream().map(StepState::dbName).toList()));
        }
        return step;
    }

    static StepStatus step(TaskStatus task, String stepName) {
        return task.step(stepName).orElseThrow(() -> new InvalidInputException("STEP '" + stepName + "': task "
                + task.taskId() + " (" + task.key() + ") has no such step; its steps are: "
                + String.join(", ", task.stepNames())));
    }

    private static String either(List<String> states) {
        if (states.size() == 1) {
            return states.getFirst();
        }
        return String.join(", ", states.subList(0, states.size() - 1)) + " or " + states.getLast();
    }
}
