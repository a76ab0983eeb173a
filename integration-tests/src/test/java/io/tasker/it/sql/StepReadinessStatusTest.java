package io.tasker.it.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code get_step_readiness_status} and its batch variant (TASKER-COMPAT.md §3.3). Each test works in one
 * transaction, so PostgreSQL's {@code now()} is the fixture's {@link WorkflowFixture#now()} and backoff
 * windows are checked to the microsecond, without waiting.
 */
@ExtendWith(TaskerDatabaseExtension.class)
class StepReadinessStatusTest {

    @Test
    void root_steps_without_transitions_are_pending_and_ready(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            TaskFixture task = fixture.newTask();
            long first = task.step("first_root").create();
            long second = task.step("second_root").create();

            List<StepReadinessRow> rows = StepReadinessRow.forTask(fixture.connection(), task.taskId());

            assertThat(rows).extracting(StepReadinessRow::workflowStepId).containsExactly(first, second);
            assertThat(rows).extracting(StepReadinessRow::name).containsExactly("first_root", "second_root");
            assertThat(rows).allSatisfy(row -> {
                assertThat(row.taskId()).isEqualTo(task.taskId());
                assertThat(row.currentState()).isEqualTo("pending");
                assertThat(row.dependenciesSatisfied()).isTrue();
                assertThat(row.retryEligible()).isTrue();
                assertThat(row.readyForExecution()).isTrue();
                assertThat(row.totalParents()).isZero();
                assertThat(row.completedParents()).isZero();
                assertThat(row.lastFailureAt()).isNull();
                assertThat(row.nextRetryAt()).isNull();
            });
        }
    }

    @Test
    void a_child_waits_until_every_parent_is_complete(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture task = fixture.newTask();
            long done = task.step("done").transition("in_progress", now).transition("complete", now).create();
            long running = task.step("running").transition("in_progress", now).create();
            long child = task.step("child").dependsOn(done, running).create();

            StepReadinessRow row = StepReadinessRow.forStep(fixture.connection(), task.taskId(), child);

            assertThat(row.totalParents()).isEqualTo(2);
            assertThat(row.completedParents()).isEqualTo(1);
            assertThat(row.dependenciesSatisfied()).isFalse();
            assertThat(row.retryEligible()).isTrue();
            assertThat(row.readyForExecution()).isFalse();
        }
    }

    @Test
    void a_child_is_ready_when_its_parents_are_complete_or_resolved_manually(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture task = fixture.newTask();
            long completed = task.step("completed").transition("in_progress", now).transition("complete", now).create();
            long resolved =
                    task.step("resolved").transition("error", now).transition("resolved_manually", now).create();
            long child = task.step("child").dependsOn(completed, resolved).create();

            StepReadinessRow row = StepReadinessRow.forStep(fixture.connection(), task.taskId(), child);

            assertThat(row.totalParents()).isEqualTo(2);
            assertThat(row.completedParents()).isEqualTo(2);
            assertThat(row.dependenciesSatisfied()).isTrue();
            assertThat(row.readyForExecution()).isTrue();
        }
    }

    @Test
    void a_parent_in_error_or_cancelled_does_not_satisfy_its_child(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture task = fixture.newTask();
            long failed = task.step("failed").attempts(3).transition("error", now).create();
            long cancelled = task.step("cancelled").transition("cancelled", now).create();
            long child = task.step("child").dependsOn(failed, cancelled).create();

            StepReadinessRow row = StepReadinessRow.forStep(fixture.connection(), task.taskId(), child);

            assertThat(row.completedParents()).isZero();
            assertThat(row.dependenciesSatisfied()).isFalse();
            assertThat(row.readyForExecution()).isFalse();
        }
    }

    @Test
    void an_errored_step_is_not_ready_inside_its_failure_backoff(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            Instant failedAt = now.minusSeconds(3);
            TaskFixture task = fixture.newTask();
            long step = task.step("flaky").attempts(2).lastAttemptedAt(failedAt)
                    .transition("in_progress", failedAt).transition("error", failedAt).create();

            StepReadinessRow row = StepReadinessRow.forStep(fixture.connection(), task.taskId(), step);

            assertThat(row.currentState()).isEqualTo("error");
            assertThat(row.retryEligible()).isTrue();
            assertThat(row.lastFailureAt()).isEqualTo(failedAt);
            assertThat(row.nextRetryAt()).isEqualTo(failedAt.plusSeconds(4));
            assertThat(row.readyForExecution()).isFalse();
        }
    }

    @Test
    void an_errored_step_is_ready_again_the_moment_its_failure_backoff_ends(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture task = fixture.newTask();
            long step = task.step("flaky").attempts(2).transition("error", now.minusSeconds(4)).create();

            StepReadinessRow row = StepReadinessRow.forStep(fixture.connection(), task.taskId(), step);

            assertThat(row.nextRetryAt()).isEqualTo(now);
            assertThat(row.readyForExecution()).isTrue();
        }
    }

    @Test
    void the_failure_backoff_doubles_with_each_attempt_and_stops_growing_at_thirty_seconds(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant failedAt = fixture.now().minusSeconds(1);
            TaskFixture task = fixture.newTask();
            long once = task.step("once").attempts(1).retryLimit(50).transition("error", failedAt).create();
            long fourTimes = task.step("four").attempts(4).retryLimit(50).transition("error", failedAt).create();
            long fiveTimes = task.step("five").attempts(5).retryLimit(50).transition("error", failedAt).create();
            long manyTimes = task.step("many").attempts(40).retryLimit(50).transition("error", failedAt).create();
            long unknown = task.step("unknown").attempts(null).transition("error", failedAt).create();

            List<StepReadinessRow> rows = StepReadinessRow.forTask(fixture.connection(), task.taskId());

            assertThat(rows).extracting(row -> Duration.between(failedAt, row.nextRetryAt()).toSeconds())
                    .containsExactly(2L, 16L, 30L, 30L, 2L);
            assertThat(rows).extracting(StepReadinessRow::workflowStepId)
                    .containsExactly(once, fourTimes, fiveTimes, manyTimes, unknown);
        }
    }

    @Test
    void a_step_that_used_all_its_attempts_is_not_retry_eligible_nor_ready(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant longAgo = fixture.now().minus(Duration.ofHours(1));
            TaskFixture task = fixture.newTask();
            long exhausted = task.step("exhausted").attempts(3).retryLimit(3).transition("error", longAgo).create();
            long lastChance = task.step("last_chance").attempts(2).retryLimit(3).transition("error", longAgo).create();

            List<StepReadinessRow> rows = StepReadinessRow.forTask(fixture.connection(), task.taskId());

            assertThat(rows).extracting(
                            StepReadinessRow::workflowStepId,
                            StepReadinessRow::retryEligible,
                            StepReadinessRow::readyForExecution)
                    .containsExactly(
                            tuple(exhausted, false, false),
                            tuple(lastChance, true, true));
        }
    }

    @Test
    void a_step_that_is_not_retryable_is_retry_eligible_but_never_ready(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant longAgo = fixture.now().minus(Duration.ofHours(1));
            TaskFixture task = fixture.newTask();
            long failed = task.step("permanent").attempts(1).retryable(false).transition("error", longAgo).create();
            long fresh = task.step("fresh_but_not_retryable").retryable(false).create();

            List<StepReadinessRow> rows = StepReadinessRow.forTask(fixture.connection(), task.taskId());

            assertThat(rows).extracting(StepReadinessRow::workflowStepId).containsExactly(failed, fresh);
            assertThat(rows).allSatisfy(row -> {
                assertThat(row.retryEligible()).isTrue();
                assertThat(row.readyForExecution()).isFalse();
            });
        }
    }

    @Test
    void a_requested_backoff_holds_a_step_until_last_attempted_at_plus_its_seconds(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture task = fixture.newTask();
            long waiting = task.step("waiting").attempts(1).backoffRequestSeconds(10)
                    .lastAttemptedAt(now.minusSeconds(9)).create();
            long elapsed = task.step("elapsed").attempts(1).backoffRequestSeconds(10)
                    .lastAttemptedAt(now.minusSeconds(10)).create();

            StepReadinessRow waitingRow = StepReadinessRow.forStep(fixture.connection(), task.taskId(), waiting);
            StepReadinessRow elapsedRow = StepReadinessRow.forStep(fixture.connection(), task.taskId(), elapsed);

            assertThat(waitingRow.nextRetryAt()).isEqualTo(now.plusSeconds(1));
            assertThat(waitingRow.readyForExecution()).isFalse();
            assertThat(elapsedRow.nextRetryAt()).isEqualTo(now);
            assertThat(elapsedRow.readyForExecution()).isTrue();
        }
    }

    @Test
    void a_requested_backoff_without_last_attempted_at_holds_nothing(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            TaskFixture task = fixture.newTask();
            long step = task.step("never_attempted").backoffRequestSeconds(600).create();

            StepReadinessRow row = StepReadinessRow.forStep(fixture.connection(), task.taskId(), step);

            assertThat(row.backoffRequestSeconds()).isEqualTo(600);
            assertThat(row.nextRetryAt()).isNull();
            assertThat(row.readyForExecution()).isTrue();
        }
    }

    @Test
    void an_errored_step_waits_for_both_its_requested_and_its_failure_backoff(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            Instant failedAt = now.minusSeconds(5);
            TaskFixture task = fixture.newTask();
            // requested backoff (1 s) is over, the failure backoff (2^3 = 8 s) is not
            long failureBackoffPending = task.step("failure_backoff_pending").attempts(3).retryLimit(5)
                    .backoffRequestSeconds(1).lastAttemptedAt(failedAt).transition("error", failedAt).create();
            // failure backoff (2 s) is over, the requested backoff (60 s) is not
            long requestedBackoffPending = task.step("requested_backoff_pending").attempts(1)
                    .backoffRequestSeconds(60).lastAttemptedAt(failedAt).transition("error", failedAt).create();

            StepReadinessRow first =
                    StepReadinessRow.forStep(fixture.connection(), task.taskId(), failureBackoffPending);
            StepReadinessRow second =
                    StepReadinessRow.forStep(fixture.connection(), task.taskId(), requestedBackoffPending);

            assertThat(first.readyForExecution()).isFalse();
            assertThat(first.nextRetryAt())
                    .as("next_retry_at prefers the requested backoff, as the original function does")
                    .isEqualTo(failedAt.plusSeconds(1));
            assertThat(second.readyForExecution()).isFalse();
            assertThat(second.nextRetryAt()).isEqualTo(failedAt.plusSeconds(60));
        }
    }

    @Test
    void the_failure_backoff_applies_only_while_the_step_is_in_error(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture task = fixture.newTask();
            long retried = task.step("retry_requested").attempts(2)
                    .transition("error", now).transition("pending", now).create();

            StepReadinessRow row = StepReadinessRow.forStep(fixture.connection(), task.taskId(), retried);

            assertThat(row.currentState()).isEqualTo("pending");
            assertThat(row.lastFailureAt()).isNull();
            assertThat(row.nextRetryAt()).isNull();
            assertThat(row.readyForExecution()).isTrue();
        }
    }

    @Test
    void steps_in_process_or_processed_are_not_ready(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture task = fixture.newTask();
            task.step("claimed").inProcess(true).create();
            task.step("processed").processed(true, now).create();

            List<StepReadinessRow> rows = StepReadinessRow.forTask(fixture.connection(), task.taskId());

            assertThat(rows).hasSize(2).allSatisfy(row -> {
                assertThat(row.currentState()).isEqualTo("pending");
                assertThat(row.dependenciesSatisfied()).isTrue();
                assertThat(row.readyForExecution()).isFalse();
            });
        }
    }

    @Test
    void only_pending_and_errored_steps_can_be_ready(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant longAgo = fixture.now().minus(Duration.ofHours(1));
            TaskFixture task = fixture.newTask();
            List<String> states =
                    List.of("pending", "in_progress", "complete", "error", "cancelled", "resolved_manually");
            for (String state : states) {
                task.step(state).attempts(1).transition(state, longAgo).create();
            }

            List<StepReadinessRow> rows = StepReadinessRow.forTask(fixture.connection(), task.taskId());

            assertThat(rows).filteredOn(StepReadinessRow::readyForExecution)
                    .extracting(StepReadinessRow::currentState)
                    .containsExactly("pending", "error");
        }
    }

    @Test
    void missing_attempts_and_retry_limit_read_as_zero_and_three(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            TaskFixture task = fixture.newTask();
            long step = task.step("defaults").attempts(null).retryLimit(null).create();

            StepReadinessRow row = StepReadinessRow.forStep(fixture.connection(), task.taskId(), step);

            assertThat(row.attempts()).isZero();
            assertThat(row.retryLimit()).isEqualTo(3);
            assertThat(row.retryEligible()).isTrue();
            assertThat(row.readyForExecution()).isTrue();
        }
    }

    @Test
    void the_most_recent_transition_is_the_current_state_whatever_the_order_of_created_at(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture task = fixture.newTask();
            long step = task.step("clock_skew").create();
            task.stepTransitionRow(step, null, "in_progress", 0, false, now)
                    .stepTransitionRow(step, "in_progress", "complete", 10, true, now.minusSeconds(60));

            StepReadinessRow row = StepReadinessRow.forStep(fixture.connection(), task.taskId(), step);

            assertThat(row.currentState()).isEqualTo("complete");
            assertThat(row.readyForExecution()).isFalse();
        }
    }

    @Test
    void step_ids_restrict_the_rows_but_not_the_parents_that_are_counted(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture task = fixture.newTask();
            long parent = task.step("parent").transition("complete", now).create();
            long other = task.step("other").create();
            long child = task.step("child").dependsOn(parent, other).create();

            List<StepReadinessRow> rows = StepReadinessRow.forSteps(fixture.connection(), task.taskId(), child);

            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.workflowStepId()).isEqualTo(child);
                assertThat(row.totalParents()).isEqualTo(2);
                assertThat(row.completedParents()).isEqualTo(1);
            });
        }
    }

    @Test
    void a_task_reports_only_its_own_steps(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            TaskFixture mine = fixture.newTask();
            TaskFixture theirs = fixture.newTask();
            long myStep = mine.step("shared_name").create();
            long theirStep = theirs.step("shared_name").create();

            assertThat(StepReadinessRow.forTask(fixture.connection(), mine.taskId()))
                    .extracting(StepReadinessRow::workflowStepId).containsExactly(myStep);
            assertThat(StepReadinessRow.forSteps(fixture.connection(), mine.taskId(), theirStep)).isEmpty();
            assertThat(StepReadinessRow.forTask(fixture.connection(), Long.MAX_VALUE)).isEmpty();
        }
    }

    @Test
    void the_batch_variant_returns_the_rows_of_each_task_ordered_by_task_and_step(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture first = fixture.newTask();
            long firstRoot = first.step("root").transition("complete", now).create();
            long firstChild = first.step("child").dependsOn(firstRoot).create();
            TaskFixture second = fixture.newTask();
            long secondRoot = second.step("root").create();
            long secondChild = second.step("child").dependsOn(secondRoot).create();
            fixture.newTask().step("not_requested").create();

            List<StepReadinessRow> batch =
                    StepReadinessRow.forTasks(fixture.connection(), second.taskId(), first.taskId(), second.taskId());

            assertThat(batch).extracting(StepReadinessRow::workflowStepId)
                    .containsExactly(firstRoot, firstChild, secondRoot, secondChild);
            assertThat(batch).extracting(StepReadinessRow::readyForExecution).containsExactly(false, true, true, false);
            assertThat(batch.subList(0, 2)).isEqualTo(StepReadinessRow.forTask(fixture.connection(), first.taskId()));
            assertThat(batch.subList(2, 4)).isEqualTo(StepReadinessRow.forTask(fixture.connection(), second.taskId()));
        }
    }
}
