package io.tasker.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateMachineTest {

    @Test
    void step_transitions_are_exactly_taskers_table() {
        assertThat(allowed(StepState.PENDING)).containsExactlyInAnyOrder(
                StepState.IN_PROGRESS, StepState.ERROR, StepState.CANCELLED, StepState.RESOLVED_MANUALLY);
        assertThat(allowed(StepState.IN_PROGRESS)).containsExactlyInAnyOrder(
                StepState.COMPLETE, StepState.ERROR, StepState.CANCELLED);
        assertThat(allowed(StepState.ERROR)).containsExactlyInAnyOrder(StepState.PENDING, StepState.RESOLVED_MANUALLY);
        assertThat(allowed(StepState.COMPLETE)).isEmpty();
        assertThat(allowed(StepState.CANCELLED)).isEmpty();
        assertThat(allowed(StepState.RESOLVED_MANUALLY)).isEmpty();
    }

    @Test
    void task_transitions_are_exactly_taskers_table() {
        assertThat(allowed(TaskState.PENDING)).containsExactlyInAnyOrder(
                TaskState.IN_PROGRESS, TaskState.CANCELLED, TaskState.ERROR);
        assertThat(allowed(TaskState.IN_PROGRESS)).containsExactlyInAnyOrder(
                TaskState.COMPLETE, TaskState.ERROR, TaskState.CANCELLED, TaskState.PENDING);
        assertThat(allowed(TaskState.ERROR)).containsExactlyInAnyOrder(TaskState.PENDING, TaskState.RESOLVED_MANUALLY);
        assertThat(allowed(TaskState.COMPLETE)).containsExactly(TaskState.CANCELLED);
        assertThat(allowed(TaskState.RESOLVED_MANUALLY)).containsExactly(TaskState.CANCELLED);
        assertThat(allowed(TaskState.CANCELLED)).isEmpty();
    }

    @Test
    void an_illegal_move_names_both_states() {
        assertThatThrownBy(() -> StepState.COMPLETE.transitionTo(StepState.PENDING))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("illegal step transition from 'complete' to 'pending'");
        assertThatThrownBy(() -> TaskState.CANCELLED.transitionTo(TaskState.IN_PROGRESS))
                .hasMessage("illegal task transition from 'cancelled' to 'in_progress'");
    }

    @Test
    void a_transition_to_the_current_state_is_refused() {
        for (StepState state : StepState.values()) {
            assertThat(state.canTransitionTo(state)).as(state.dbName()).isFalse();
        }
        for (TaskState state : TaskState.values()) {
            assertThat(state.canTransitionTo(state)).as(state.dbName()).isFalse();
        }
    }

    @Test
    void database_names_round_trip_and_a_missing_state_is_pending() {
        for (StepState state : StepState.values()) {
            assertThat(StepState.fromDb(state.dbName())).isEqualTo(state);
        }
        for (TaskState state : TaskState.values()) {
            assertThat(TaskState.fromDb(state.dbName())).isEqualTo(state);
        }
        assertThat(StepState.fromDb(null)).isEqualTo(StepState.PENDING);
        assertThat(TaskState.fromDb(null)).isEqualTo(TaskState.PENDING);
    }

    private static Set<StepState> allowed(StepState from) {
        Set<StepState> result = EnumSet.noneOf(StepState.class);
        for (StepState to : StepState.values()) {
            if (from.canTransitionTo(to)) {
                result.add(to);
            }
        }
        return result;
    }

    private static Set<TaskState> allowed(TaskState from) {
        Set<TaskState> result = EnumSet.noneOf(TaskState.class);
        for (TaskState to : TaskState.values()) {
            if (from.canTransitionTo(to)) {
                result.add(to);
            }
        }
        return result;
    }
}
