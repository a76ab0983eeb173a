package io.tasker.it.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code get_system_health_counts} and its Rails name {@code get_system_health_counts_v01} (§3.8). */
@ExtendWith(TaskerDatabaseExtension.class)
class SystemHealthCountsTest {

    private static final String HEALTH_COUNTS = "SELECT * FROM get_system_health_counts()";
    private static final String RAILS_HEALTH_COUNTS = "SELECT * FROM get_system_health_counts_v01()";

    record HealthCounts(
            long totalTasks,
            long pendingTasks,
            long inProgressTasks,
            long completeTasks,
            long errorTasks,
            long cancelledTasks,
            long totalSteps,
            long pendingSteps,
            long inProgressSteps,
            long completeSteps,
            long errorSteps,
            long retryableErrorSteps,
            long exhaustedRetrySteps,
            long inBackoffSteps,
            long activeConnections,
            long maxConnections) {

        static HealthCounts read(Connection connection, String sql) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet row = statement.executeQuery()) {
                row.next();
                return new HealthCounts(
                        row.getLong("total_tasks"),
                        row.getLong("pending_tasks"),
                        row.getLong("in_progress_tasks"),
                        row.getLong("complete_tasks"),
                        row.getLong("error_tasks"),
                        row.getLong("cancelled_tasks"),
                        row.getLong("total_steps"),
                        row.getLong("pending_steps"),
                        row.getLong("in_progress_steps"),
                        row.getLong("complete_steps"),
                        row.getLong("error_steps"),
                        row.getLong("retryable_error_steps"),
                        row.getLong("exhausted_retry_steps"),
                        row.getLong("in_backoff_steps"),
                        row.getLong("active_connections"),
                        row.getLong("max_connections"));
            }
        }
    }

    @Test
    void an_empty_database_counts_nothing_but_its_connections(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            HealthCounts counts = HealthCounts.read(fixture.connection(), HEALTH_COUNTS);

            assertThat(counts.totalTasks()).isZero();
            assertThat(counts.totalSteps()).isZero();
            assertThat(counts.activeConnections()).as("the connection asking is active").isPositive();
            assertThat(counts.maxConnections()).isEqualTo(maxConnectionsSetting(fixture.connection()));
        }
    }

    @Test
    void tasks_and_steps_are_counted_by_current_state_retry_outlook_and_backoff(TestDatabase database)
            throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            Instant longAgo = now.minus(Duration.ofHours(1));
            fixture.newTask();
            fixture.newTask().transition("pending", now);
            fixture.newTask().transition("in_progress", now).transition("complete", now);
            fixture.newTask().transition("in_progress", now).transition("error", now);
            fixture.newTask().transition("cancelled", now);
            fixture.newTask().transition("error", now).transition("resolved_manually", now);
            TaskFixture running = fixture.newTask().transition("in_progress", now);
            running.step("pending").create();
            running.step("running").transition("in_progress", now).create();
            running.step("complete").transition("complete", now).create();
            running.step("resolved").transition("resolved_manually", now).create();
            running.step("failure_backoff").attempts(1).transition("error", now).create();
            running.step("retry_due").attempts(1).transition("error", longAgo).create();
            running.step("requested_backoff").attempts(1).backoffRequestSeconds(600)
                    .lastAttemptedAt(now.minusSeconds(60)).transition("error", longAgo).create();
            running.step("exhausted").attempts(3).retryLimit(3).transition("error", now).create();
            running.step("permanent").attempts(1).retryable(false).transition("error", now).create();

            HealthCounts counts = HealthCounts.read(fixture.connection(), HEALTH_COUNTS);

            assertThat(counts.totalTasks()).isEqualTo(7);
            assertThat(counts.pendingTasks()).isEqualTo(2);
            assertThat(counts.inProgressTasks()).isEqualTo(1);
            assertThat(counts.completeTasks()).isEqualTo(1);
            assertThat(counts.errorTasks()).isEqualTo(1);
            assertThat(counts.cancelledTasks()).isEqualTo(1);
            assertThat(counts.totalSteps()).isEqualTo(9);
            assertThat(counts.pendingSteps()).isEqualTo(1);
            assertThat(counts.inProgressSteps()).isEqualTo(1);
            assertThat(counts.completeSteps()).isEqualTo(1);
            assertThat(counts.errorSteps()).isEqualTo(5);
            assertThat(counts.retryableErrorSteps()).isEqualTo(3);
            assertThat(counts.exhaustedRetrySteps()).isEqualTo(1);
            assertThat(counts.inBackoffSteps()).isEqualTo(2);
        }
    }

    @Test
    void the_rails_name_returns_the_same_counts(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            TaskFixture task = fixture.newTask().transition("in_progress", now);
            task.step("failed").attempts(1).transition("error", now).create();
            task.step("waiting").create();

            HealthCounts current = HealthCounts.read(fixture.connection(), HEALTH_COUNTS);
            HealthCounts rails = HealthCounts.read(fixture.connection(), RAILS_HEALTH_COUNTS);

            assertThat(rails).usingRecursiveComparison().ignoringFields("activeConnections").isEqualTo(current);
            assertThat(rails.retryableErrorSteps()).isEqualTo(1);
        }
    }

    private static long maxConnectionsSetting(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting('max_connections')");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return Long.parseLong(row.getString(1));
        }
    }
}
