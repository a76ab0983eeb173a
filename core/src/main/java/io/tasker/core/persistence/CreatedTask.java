package io.tasker.core.persistence;

import io.tasker.core.template.TemplateKey;

/**
 * The outcome of a creation request.
 *
 * @param created false when the identity hash or idempotency key named a task that already existed
 * @param key the template of the task that holds this id (for an existing task it may differ from the request's)
 */
public record CreatedTask(long taskId, boolean created, TemplateKey key) {
}
