package io.tasker.core.persistence;

import io.tasker.core.database.Jdbc;
import io.tasker.core.database.Sql;
import io.tasker.core.handler.TaskAnnotation;
import io.tasker.core.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

/**
 * Tasker's annotation tables: annotation types found or created by name, and JSON documents attached to tasks
 * under a type ({@code tasker_annotation_types}, {@code tasker_task_annotations}). Off the orchestrator's path:
 * handlers write annotations while they run.
 */
public final class TaskAnnotationStore {
    private static final Sql ENSURE_TYPE = Sql.load(TaskAnnotationStore.class, "ensure_annotation_type.sql");
    private static final Sql INSERT = Sql.load(TaskAnnotationStore.class, "insert_task_annotation.sql");
    private static final Sql LOAD = Sql.load(TaskAnnotationStore.class, "load_task_annotations.sql");

    private final Jdbc jdbc;

    public TaskAnnotationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public int typeId(String name, String description) {
        return jdbc.queryOne(ENSURE_TYPE, s -> TaskStore.bind(s, name, description), row -> row.getInt(1)).orElseThrow();
    }

    /** @throws io.tasker.core.database.PersistenceException when no task has this id */
    public long annotate(long taskId, String typeName, Map<String, Object> annotation) {
        return jdbc.queryOne(INSERT, s -> TaskStore.bind(s, typeName, taskId, Json.write(annotation)),
                row -> row.getLong(1)).orElseThrow();
    }

    public List<TaskAnnotation> annotationsOf(long taskId) {
        return jdbc.query(LOAD, s -> s.setLong(1, taskId), TaskAnnotationStore::annotation);
    }

    private static TaskAnnotation annotation(ResultSet row) throws SQLException {
        Timestamp created = row.getTimestamp("created_at");
        return new TaskAnnotation(row.getLong("task_annotation_id"), row.getLong("task_id"),
                row.getString("annotation_type"), document(row.getString("annotation")), created.toInstant());
    }

    /** Annotations written here are objects; a row written by other means may hold any JSON value, or none. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(String json) {
        Object value = Json.read(json);
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        return value == null ? Map.of() : Map.of("value", value);
    }
}
