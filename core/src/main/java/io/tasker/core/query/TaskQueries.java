package io.tasker.core.query;

import io.tasker.core.database.Jdbc;
import io.tasker.core.database.Sql;
import io.tasker.core.json.Json;
import io.tasker.core.model.StepState;
import io.tasker.core.template.TemplateKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only questions operators ask: where does one task stand, which tasks are there. A status reads one task
 * by its id (two statements keyed by task_id); a listing is the only query across tasks and is bounded by its
 * limit. Neither takes a lock nor changes anything.
 */
public final class TaskQueries {
    private static final Sql TASK = Sql.load(TaskQueries.class, "task_status.sql");
    private static final Sql STEPS = Sql.load(TaskQueries.class, "step_status.sql");
    private static final Sql LIST = Sql.load(TaskQueries.class, "list_tasks.sql");
    private static final Sql LIST_IN_STATE = Sql.load(TaskQueries.class, "list_tasks_in_state.sql");

    private final Jdbc jdbc;

    public TaskQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The task and its steps, or empty when there is no task with this id. */
    public Optional<TaskStatus> status(long taskId) {
        return jdbc.withConnection(c -> {
            List<TaskStatus> tasks = Jdbc.query(c, TASK, s -> s.setLong(1, taskId), row -> task(row, List.of()));
            if (tasks.isEmpty()) {
                return Optional.empty();
            }
            List<TaskStatus.StepStatus> steps = Jdbc.query(c, STEPS, s -> s.setLong(1, taskId), TaskQueries::step);
            return Optional.of(tasks.getFirst().withSteps(steps));
        });
    }

    /** The tasks the filter selects, newest (highest id) first. */
    public List<TaskSummary> list(TaskFilter filter) {
        if (filter.state() == null) {
            return jdbc.query(LIST, s -> bindCommon(s, 1, filter), TaskQueries::summary);
        }
        return jdbc.query(LIST_IN_STATE, s -> {
            s.setString(1, filter.state());
            bindCommon(s, 2, filter);
        }, TaskQueries::summary);
    }

    /** Namespace, name and cursor (each twice: "is it null", "equals it"), then the limit. */
    private static void bindCommon(PreparedStatement s, int first, TaskFilter filter) throws SQLException {
        s.setString(first, filter.namespace());
        s.setString(first + 1, filter.namespace());
        s.setString(first + 2, filter.name());
        s.setString(first + 3, filter.name());
        if (filter.beforeTaskId() == null) {
            s.setNull(first + 4, Types.BIGINT);
            s.setNull(first + 5, Types.BIGINT);
        } else {
            s.setLong(first + 4, filter.beforeTaskId());
            s.setLong(first + 5, filter.beforeTaskId());
        }
        s.setInt(first + 6, filter.limit());
    }

    @SuppressWarnings("unchecked")
    private static TaskStatus task(ResultSet row, List<TaskStatus.StepStatus> steps) throws SQLException {
        Object context = Json.read(row.getString("context"));
        return new TaskStatus(row.getLong("task_id"), key(row), row.getString("state"), instant(row, "created_at"),
                instant(row, "updated_at"), context instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of(),
                tags(row.getString("tags")), row.getString("initiator"), row.getString("source_system"),
                row.getString("reason"), row.getString("idempotency_key"), instant(row, "next_run_at"), steps);
    }

    private static TaskStatus.StepStatus step(ResultSet row) throws SQLException {
        String state = row.getString("state");
        Object results = Json.read(row.getString("results"));
        int retryLimit = row.getInt("retry_limit");
        return new TaskStatus.StepStatus(row.getString("name"), state, row.getInt("attempts"),
                row.wasNull() ? null : retryLimit, row.getBoolean("retryable"), instant(row, "last_attempted_at"),
                results, StepState.ERROR.dbName().equals(state) ? ErrorSummary.of(results) : null);
    }

    private static TaskSummary summary(ResultSet row) throws SQLException {
        return new TaskSummary(row.getLong("task_id"), key(row), row.getString("state"), instant(row, "created_at"),
                instant(row, "updated_at"), row.getString("idempotency_key"));
    }

    private static TemplateKey key(ResultSet row) throws SQLException {
        return new TemplateKey(row.getString("namespace"), row.getString("name"), row.getString("version"));
    }

    private static List<String> tags(String json) {
        return Json.read(json) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
