package io.tasker.it.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code get_analytics_metrics} and its Rails name {@code get_analytics_metrics_v01} (§3.8). */
@ExtendWith(TaskerDatabaseExtension.class)
class AnalyticsMetricsTest {

    private static final String LAST_HOUR = "SELECT * FROM get_analytics_metrics()";
    private static final String SINCE = "SELECT * FROM get_analytics_metrics(?)";
    private static final String SINCE_NULL = "SELECT * FROM get_analytics_metrics(NULL)";
    private static final String RAILS_LAST_HOUR = "SELECT * FROM get_analytics_metrics_v01()";

    record Metrics(
            long activeTasksCount,
            long totalNamespacesCount,
            long uniqueTaskTypesCount,
            BigDecimal systemHealthScore,
            long taskThroughput,
            long completionCount,
            long errorCount,
            BigDecimal completionRate,
            BigDecimal errorRate,
            BigDecimal avgTaskDuration,
            BigDecimal avgStepDuration,
            long stepThroughput,
            Instant analysisPeriodStart,
            Instant calculatedAt) {

        static Metrics read(Connection connection, String sql, Object... parameters) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                WorkflowFixture.bind(statement, parameters);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return new Metrics(
                            row.getLong("active_tasks_count"),
                            row.getLong("total_namespaces_count"),
                            row.getLong("unique_task_types_count"),
                            row.getBigDecimal("system_health_score"),
                            row.getLong("task_throughput"),
                            row.getLong("completion_count"),
                            row.getLong("error_count"),
                            row.getBigDecimal("completion_rate"),
                            row.getBigDecimal("error_rate"),
                            row.getBigDecimal("avg_task_duration"),
                            row.getBigDecimal("avg_step_duration"),
                            row.getLong("step_throughput"),
                            StepReadinessRow.instant(row, "analysis_period_start"),
                            StepReadinessRow.instant(row, "calculated_at"));
                }
            }
        }
    }

    @Test
    void an_empty_database_is_perfectly_healthy_over_the_last_hour(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();

            Metrics metrics = Metrics.read(fixture.connection(), LAST_HOUR);

            assertThat(metrics.activeTasksCount()).isZero();
            assertThat(metrics.totalNamespacesCount()).as("the default namespace has no task").isZero();
            assertThat(metrics.uniqueTaskTypesCount()).isZero();
            assertThat(metrics.systemHealthScore()).isEqualByComparingTo("1");
            assertThat(metrics.taskThroughput()).isZero();
            assertThat(metrics.completionCount()).isZero();
            assertThat(metrics.errorCount()).isZero();
            assertThat(metrics.completionRate()).isEqualByComparingTo("0");
            assertThat(metrics.errorRate()).isEqualByComparingTo("0");
            assertThat(metrics.avgTaskDuration()).isEqualByComparingTo("0");
            assertThat(metrics.avgStepDuration()).isEqualByComparingTo("0");
            assertThat(metrics.stepThroughput()).isZero();
            assertThat(metrics.analysisPeriodStart()).isEqualTo(now.minus(Duration.ofHours(1)));
            assertThat(metrics.calculatedAt()).isEqualTo(now);
        }
    }

    @Test
    void the_last_hour_of_a_small_history_is_summarised(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            writeHistory(fixture, now);

            Metrics metrics = Metrics.read(fixture.connection(), LAST_HOUR);

            assertThat(metrics.activeTasksCount()).isEqualTo(2);
            assertThat(metrics.totalNamespacesCount()).isEqualTo(2);
            assertThat(metrics.uniqueTaskTypesCount()).isEqualTo(3);
            assertThat(metrics.taskThroughput()).isEqualTo(5);
            assertThat(metrics.completionCount()).isEqualTo(2);
            assertThat(metrics.errorCount()).isEqualTo(2);
            assertThat(metrics.completionRate()).isEqualByComparingTo("0.5");
            assertThat(metrics.errorRate()).isEqualByComparingTo("0.5");
            assertThat(metrics.avgTaskDuration()).as("(600 + 1500) / 2 s").isEqualByComparingTo("1050");
            assertThat(metrics.avgStepDuration()).as("(60 + 240 + 90 + 840) / 4 s").isEqualByComparingTo("307.5");
            assertThat(metrics.stepThroughput()).isEqualTo(4);
            assertThat(metrics.systemHealthScore()).as("0.7 x 2/4 + 0.3 x 4/7").isEqualByComparingTo("0.5214");
            assertThat(metrics.analysisPeriodStart()).isEqualTo(now.minus(Duration.ofHours(1)));
        }
    }

    @Test
    void a_longer_period_takes_in_older_completions(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            Instant since = now.minus(Duration.ofHours(4));
            writeHistory(fixture, now);

            Metrics metrics = Metrics.read(fixture.connection(), SINCE, since);

            assertThat(metrics.taskThroughput()).isEqualTo(6);
            assertThat(metrics.completionCount()).isEqualTo(3);
            assertThat(metrics.errorCount()).isEqualTo(2);
            assertThat(metrics.completionRate()).isEqualByComparingTo("0.6");
            assertThat(metrics.errorRate()).isEqualByComparingTo("0.4");
            assertThat(metrics.avgTaskDuration()).as("(600 + 1500 + 3600) / 3 s").isEqualByComparingTo("1900");
            assertThat(metrics.stepThroughput()).isEqualTo(5);
            assertThat(metrics.avgStepDuration()).as("(60 + 240 + 90 + 840 + 3600) / 5 s").isEqualByComparingTo("966");
            assertThat(metrics.systemHealthScore()).as("0.7 x 3/5 + 0.3 x 5/8").isEqualByComparingTo("0.6075");
            assertThat(metrics.analysisPeriodStart()).isEqualTo(since);
        }
    }

    @Test
    void the_rails_name_and_a_null_period_start_give_the_default_hour(TestDatabase database) throws SQLException {
        try (WorkflowFixture fixture = WorkflowFixture.inTransaction(database.dataSource())) {
            Instant now = fixture.now();
            writeHistory(fixture, now);

            Metrics current = Metrics.read(fixture.connection(), LAST_HOUR);
            Metrics rails = Metrics.read(fixture.connection(), RAILS_LAST_HOUR);
            Metrics withNull = Metrics.read(fixture.connection(), SINCE_NULL);

            assertThat(rails).usingRecursiveComparison().isEqualTo(current);
            assertThat(withNull).usingRecursiveComparison().isEqualTo(current);
        }
    }

    /**
     * Six tasks in two namespaces and three named tasks. In the last hour: A and B complete (B after an
     * error and a retry), C fails, D waits, F runs; E completed three hours ago.
     */
    private static void writeHistory(WorkflowFixture fixture, Instant now) throws SQLException {
        TaskFixture a = fixture.newTask("billing", "invoice", "1.0.0", minutesBefore(now, 20))
                .transition("in_progress", minutesBefore(now, 20))
                .transition("complete", minutesBefore(now, 10));
        a.step("a1").transition("in_progress", minutesBefore(now, 20))
                .transition("complete", minutesBefore(now, 19)).create();
        a.step("a2").transition("in_progress", minutesBefore(now, 19))
                .transition("error", minutesBefore(now, 18))
                .transition("pending", minutesBefore(now, 17))
                .transition("in_progress", minutesBefore(now, 15))
                .transition("complete", minutesBefore(now, 11)).create();
        a.step("a3").transition("in_progress", minutesBefore(now, 12))
                .transition("complete", minutesBefore(now, 12).plusSeconds(90)).create();

        TaskFixture b = fixture.newTask("billing", "invoice", "2.0.0", minutesBefore(now, 30))
                .transition("in_progress", minutesBefore(now, 30))
                .transition("error", minutesBefore(now, 25))
                .transition("pending", minutesBefore(now, 24))
                .transition("in_progress", minutesBefore(now, 20))
                .transition("complete", minutesBefore(now, 5));
        b.step("b1").transition("in_progress", minutesBefore(now, 30))
                .transition("error", minutesBefore(now, 25))
                .transition("pending", minutesBefore(now, 24))
                .transition("in_progress", minutesBefore(now, 20))
                .transition("complete", minutesBefore(now, 6)).create();

        TaskFixture c = fixture.newTask("shipping", "ship", "1.0.0", minutesBefore(now, 10))
                .transition("in_progress", minutesBefore(now, 10))
                .transition("error", minutesBefore(now, 2));
        c.step("c1").transition("in_progress", minutesBefore(now, 10))
                .transition("error", minutesBefore(now, 2)).create();

        fixture.newTask("shipping", "ship", "1.0.0", minutesBefore(now, 5)).step("d1").create();

        TaskFixture e = fixture.newTask("shipping", "ship", "1.0.0", minutesBefore(now, 180))
                .transition("in_progress", minutesBefore(now, 180))
                .transition("complete", minutesBefore(now, 120));
        e.step("e1").transition("in_progress", minutesBefore(now, 180))
                .transition("complete", minutesBefore(now, 120)).create();

        TaskFixture f = fixture.newTask("billing", "invoice", "1.0.0", minutesBefore(now, 2))
                .transition("in_progress", minutesBefore(now, 2));
        f.step("f1").transition("in_progress", minutesBefore(now, 1)).create();
    }

    private static Instant minutesBefore(Instant now, long minutes) {
        return now.minus(Duration.ofMinutes(minutes));
    }
}
