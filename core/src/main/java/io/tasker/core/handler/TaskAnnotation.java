package io.tasker.core.handler;

import java.time.Instant;
import java.util.Map;

/**
 * A JSON document attached to a task under a named annotation type (Tasker's {@code tasker_task_annotations}),
 * e.g. an order summary that reporting queries find by its contents.
 */
public record TaskAnnotation(long taskAnnotationId, long taskId, String annotationType, Map<String, Object> annotation,
                             Instant createdAt) {
    public TaskAnnotation {
        annotation = annotation == null ? Map.of() : annotation;
    }
}
