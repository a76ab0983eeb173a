package io.tasker.it.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code get_task_execution_context} and its batch variant (TASKER-COMPAT.md §3.4): one test per row of the
 * execution_status table, in its order of precedence, and per health_status.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class TaskExecutionContextTest {

    @Test
    void a_task_with_a_ready_step_has_ready_steps_to_execute(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture task = fixture.newTask().transition("in_progress", now);
            long root = task.step("root").transition("in_progress", now).transition("complete", now).create();
            task.step("running").transition("in_progress", now).create();
            task.step("next").dependsOn(root).create();

            TaskExecutionContextRow context = contextOf(fixture, task);

            assertThat(context.taskId()).isEqualTo(task.taskId());
            assertThat(context.namedTaskId()).isEqualTo(task.namedTaskId());
            assertThat(context.status()).isEqualTo("in_progress");
            assertThat(context.totalSteps()).isEqualTo(3);
            assertThat(context.pendingSteps()).isEqualTo(1);
            assertThat(context.inProgressSteps()).isEqualTo(1);
            assertThat(context.completedSteps()).isEqualTo(1);
            assertThat(context.failedSteps()).isZero();
            assertThat(context.readySteps()).isEqualTo(1);
            assertThat(context.executionStatus()).isEqualTo("has_ready_steps");
            assertThat(context.recommendedAction()).isEqualTo("execute_ready_steps");
            assertThat(context.completionPercentage()).isEqualByComparingTo("33.33");
            assertThat(context.healthStatus()).isEqualTo("healthy");
        }
    }

    @Test
    void a_task_whose_only_runnable_step_is_running_is_processing(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture task = fixture.newTask();
            long running = task.step("running").attempts(1).transition("in_progress", now).create();
            task.step("after").dependsOn(running).create();

            TaskExecutionContextRow context = contextOf(fixture, task);

            assertThat(context.status()).isEqualTo("pending");
            assertThat(context.readySteps()).isZero();
            assertThat(context.executionStatus()).isEqualTo("processing");
            assertThat(context.recommendedAction()).isEqualTo("wait_for_completion");
            assertThat(context.completionPercentage()).isEqualByComparingTo("0");
        }
    }

    @Test
    void a_running_step_is_waited_for_even_when_another_step_is_exhausted(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture task = fixture.newTask();
            task.step("running").transition("in_progress", now).create();
            task.step("exhausted").attempts(3).transition("error", now).create();

            TaskExecutionContextRow context = contextOf(fixture, task);

            assertThat(context.executionStatus()).isEqualTo("processing");
            assertThat(context.healthStatus()).isEqualTo("blocked");
        }
    }

    @Test
    void an_exhausted_step_with_nothing_ready_blocks_the_task(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture task = fixture.newTask().transition("in_progress", now);
            long exhausted = task.step("exhausted").attempts(3).retryLimit(3).transition("error", now).create();
            task.step("child").dependsOn(exhausted).create();

            TaskExecutionContextRow context = contextOf(fixture, task);

            assertThat(context.failedSteps()).isEqualTo(1);
            assertThat(context.readySteps()).isZero();
            assertThat(context.executionStatus()).isEqualTo("blocked_by_failures");
            assertThat(context.recommendedAction()).isEqualTo("handle_failures");
            assertThat(context.healthStatus()).isEqualTo("blocked");
        }
    }

    @Test
    void a_step_failed_for_good_by_a_permanent_error_blocks_the_task_with_attempts_left(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture task = fixture.newTask();
            task.step("permanent").attempts(1).retryLimit(3).retryable(false).transition("error", now).create();

            TaskExecutionContextRow context = contextOf(fixture, task);

            assertThat(context.executionStatus()).isEqualTo("blocked_by_failures");
            assertThat(context.healthStatus()).isEqualTo("blocked");
        }
    }

    @Test
    void a_task_whose_steps_are_all_complete_or_resolved_is_ready_to_finalize(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture task = fixture.newTask().transition("in_progress", now);
            long first = task.step("first").transition("in_progress", now).transition("complete", now).create();
            task.step("second").dependsOn(first)
                    .transition("error", now).transition("resolved_manually", now).create();

            TaskExecutionContextRow context = contextOf(fixture, task);

            assertThat(context.completedSteps()).isEqualTo(2);
            assertThat(context.executionStatus()).isEqualTo("all_complete");
            assertThat(context.recommendedAction()).isEqualTo("finalize_task");
            assertThat(context.completionPercentage()).isEqualByComparingTo("100.00");
            assertThat(context.healthStatus()).isEqualTo("healthy");
        }
    }

    @Test
    void a_task_waiting_out_a_failure_backoff_waits_for_dependencies_and_is_recovering(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture task = fixture.newTask();
            long flaky =
                    task.step("flaky").attempts(1).transition("in_progress", now).transition("error", now).create();
            task.step("child").dependsOn(flaky).create();

            TaskExecutionContextRow context = contextOf(fixture, task);

            assertThat(context.failedSteps()).isEqualTo(1);
            assertThat(context.pendingSteps()).isEqualTo(1);
            assertThat(context.readySteps()).isZero();
            assertThat(context.executionStatus()).isEqualTo("waiting_for_dependencies");
            assertThat(context.recommendedAction()).isEqualTo("wait_for_dependencies");
            assertThat(context.healthStatus()).isEqualTo("recovering");
        }
    }

    @Test
    void ready_steps_come_before_an_exhausted_failure_and_make_the_task_recovering(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant longAgo = fixture.now().minus(Duration.ofMinutes(5));
            TaskFixture task = fixture.newTask();
            task.step("exhausted").attempts(3).transition("error", longAgo).create();
            task.step("retry_due").attempts(1).transition("error", longAgo).create();

            TaskExecutionContextRow context = contextOf(fixture, task);

            assertThat(context.failedSteps()).isEqualTo(2);
            assertThat(context.readySteps()).isEqualTo(1);
            assertThat(context.executionStatus()).isEqualTo("has_ready_steps");
            assertThat(context.healthStatus()).isEqualTo("recovering");
        }
    }

    @Test
    void a_task_without_steps_waits_with_zero_percent_done(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            TaskFixture task = fixture.newTask();

            TaskExecutionContextRow context = contextOf(fixture, task);

            assertThat(context.totalSteps()).isZero();
            assertThat(context.executionStatus()).isEqualTo("waiting_for_dependencies");
            assertThat(context.completionPercentage()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(context.completionPercentage().scale()).isEqualTo(2);
            assertThat(context.healthStatus()).isEqualTo("healthy");
        }
    }

    @Test
    void the_task_status_is_its_most_recent_transition(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture task = fixture.newTask()
                    .transition("in_progress", now).transition("error", now).transition("pending", now);
            task.step("only").create();

            assertThat(contextOf(fixture, task).status()).isEqualTo("pending");
            task.transition("in_progress", now);
            assertThat(contextOf(fixture, task).status()).isEqualTo("in_progress");
        }
    }

    @Test
    void an_unknown_task_has_no_context(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            assertThat(TaskExecutionContextRow.forTask(fixture.connection(), 424242L)).isEmpty();
        }
    }

    @Test
    void the_batch_variant_returns_one_context_per_existing_task_ordered_by_task(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture done = fixture.newTask();
            done.step("only").transition("complete", now).create();
            TaskFixture fresh = fixture.newTask();
            fresh.step("only").create();

            List<TaskExecutionContextRow> batch = TaskExecutionContextRow.forTasks(
                    fixture.connection(), fresh.taskId(), 424242L, done.taskId(), fresh.taskId());

            assertThat(batch).extracting(TaskExecutionContextRow::taskId)
                    .containsExactly(done.taskId(), fresh.taskId());
            assertThat(batch).extracting(TaskExecutionContextRow::executionStatus)
                    .containsExactly("all_complete", "has_ready_steps");
            assertThat(batch).containsExactly(contextOf(fixture, done), contextOf(fixture, fresh));
        }
    }

    private static TaskExecutionContextRow contextOf(WorkflowFixture fixture, TaskFixture task) throws SQLException {
        return TaskExecutionContextRow.forTask(fixture.connection(), task.taskId()).orElseThrow();
    }
}
