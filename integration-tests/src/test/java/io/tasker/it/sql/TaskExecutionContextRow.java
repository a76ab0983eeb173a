package io.tasker.it.sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One row of {@code get_task_execution_context}, and the calls that read them. */
public record TaskExecutionContextRow(
        long taskId,
        int namedTaskId,
        String status,
        long totalSteps,
        long pendingSteps,
        long inProgressSteps,
        long completedSteps,
        long failedSteps,
        long readySteps,
        String executionStatus,
        String recommendedAction,
        BigDecimal completionPercentage,
        String healthStatus) {

    /** The context of one task; empty when the task does not exist. */
    public static Optional<TaskExecutionContextRow> forTask(Connection connection, long taskId) throws SQLException {
        List<TaskExecutionContextRow> rows = query(connection, "SELECT * FROM get_task_execution_context(?)", taskId);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one context row for task " + taskId + ", got " + rows);
        }
        return rows.stream().findFirst();
    }

    /** The contexts of the given tasks through the batch function, ordered by task id. */
    public static List<TaskExecutionContextRow> forTasks(Connection connection, long... taskIds) throws SQLException {
        Long[] ids = new Long[taskIds.length];
        for (int i = 0; i < taskIds.length; i++) {
            ids[i] = taskIds[i];
        }
        return query(
                connection,
                "SELECT * FROM get_task_execution_contexts_batch(?)",
                connection.createArrayOf("bigint", ids));
    }

    private static List<TaskExecutionContextRow> query(Connection connection, String sql, Object parameter)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            WorkflowFixture.bind(statement, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                List<TaskExecutionContextRow> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(new TaskExecutionContextRow(
                            rows.getLong("task_id"),
                            rows.getInt("named_task_id"),
                            rows.getString("status"),
                            rows.getLong("total_steps"),
                            rows.getLong("pending_steps"),
                            rows.getLong("in_progress_steps"),
                            rows.getLong("completed_steps"),
                            rows.getLong("failed_steps"),
                            rows.getLong("ready_steps"),
                            rows.getString("execution_status"),
                            rows.getString("recommended_action"),
                            rows.getBigDecimal("completion_percentage"),
                            rows.getString("health_status")));
                }
                return result;
            }
        }
    }
}
