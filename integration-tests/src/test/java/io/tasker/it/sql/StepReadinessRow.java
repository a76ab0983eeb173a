package io.tasker.it.sql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** One row of {@code get_step_readiness_status}, and the calls that read them. */
public record StepReadinessRow(
        long workflowStepId,
        long taskId,
        int namedStepId,
        String name,
        String currentState,
        boolean dependenciesSatisfied,
        boolean retryEligible,
        boolean readyForExecution,
        Instant lastFailureAt,
        Instant nextRetryAt,
        int totalParents,
        int completedParents,
        int attempts,
        int retryLimit,
        Integer backoffRequestSeconds,
        Instant lastAttemptedAt) {

    /** Every step of the task, ordered by step id. */
    public static List<StepReadinessRow> forTask(Connection connection, long taskId) throws SQLException {
        return query(connection, "SELECT * FROM get_step_readiness_status(?)", taskId);
    }

    /** The given steps of the task, ordered by step id. */
    public static List<StepReadinessRow> forSteps(Connection connection, long taskId, long... stepIds)
            throws SQLException {
        Array ids = connection.createArrayOf("bigint", boxed(stepIds));
        return query(connection, "SELECT * FROM get_step_readiness_status(?, ?)", taskId, ids);
    }

    /** Every step of every given task, through the batch function, ordered by task then step. */
    public static List<StepReadinessRow> forTasks(Connection connection, long... taskIds) throws SQLException {
        Array ids = connection.createArrayOf("bigint", boxed(taskIds));
        return query(connection, "SELECT * FROM get_step_readiness_status_batch(?)", ids);
    }

    /** The row of one step of the task. */
    public static StepReadinessRow forStep(Connection connection, long taskId, long stepId) throws SQLException {
        List<StepReadinessRow> rows = forSteps(connection, taskId, stepId);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one readiness row for step " + stepId + ", got " + rows);
        }
        return rows.getFirst();
    }

    private static List<StepReadinessRow> query(Connection connection, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            WorkflowFixture.bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<StepReadinessRow> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(read(rows));
                }
                return result;
            }
        }
    }

    private static StepReadinessRow read(ResultSet row) throws SQLException {
        return new StepReadinessRow(
                row.getLong("workflow_step_id"),
                row.getLong("task_id"),
                row.getInt("named_step_id"),
                row.getString("name"),
                row.getString("current_state"),
                row.getBoolean("dependencies_satisfied"),
                row.getBoolean("retry_eligible"),
                row.getBoolean("ready_for_execution"),
                instant(row, "last_failure_at"),
                instant(row, "next_retry_at"),
                row.getInt("total_parents"),
                row.getInt("completed_parents"),
                row.getInt("attempts"),
                row.getInt("retry_limit"),
                row.getObject("backoff_request_seconds", Integer.class),
                instant(row, "last_attempted_at"));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Long[] boxed(long[] values) {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
