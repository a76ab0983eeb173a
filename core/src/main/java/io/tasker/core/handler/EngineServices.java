package io.tasker.core.handler;

import java.util.List;
import java.util.Map;

/**
 * The part of the engine that handler code may use (the polyglot bridge exports it to guests as the
 * handle): create a task, read a task's status, publish a custom event, log with a task's correlation id,
 * and keep task annotations in Tasker's annotation tables.
 *
 * <p>The annotation methods have defaults that refuse, so that a services implementation made for a place
 * without a database (validation, benchmarks) need not spell them out.
 */
public interface EngineServices {
    long createTask(String namespace, String name, String version, Map<String, Object> context, String idempotencyKey);

    String taskStatus(long taskId);

    void publishCustomEvent(long taskId, String eventName, Map<String, Object> payload);

    void log(long taskId, String level, String message, Map<String, Object> fields);

    /** The id of the annotation type with this name, created (with the description) when it does not exist yet. */
    default int annotationTypeId(String name, String description) {
        throw new UnsupportedOperationException("annotation types are not kept here: no task database is open");
    }

    /** Attaches a JSON document to a task under an annotation type (created when new); returns the annotation's id. */
    default long createTaskAnnotation(long taskId, String typeName, Map<String, Object> annotation) {
        throw new UnsupportedOperationException("task annotations are not kept here: no task database is open");
    }

    /** The task's annotations, oldest first. */
    default List<TaskAnnotation> taskAnnotations(long taskId) {
        throw new UnsupportedOperationException("task annotations are not kept here: no task database is open");
    }
}
