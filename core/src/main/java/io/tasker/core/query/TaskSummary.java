package io.tasker.core.query;

import io.tasker.core.template.TemplateKey;
import java.time.Instant;

/** One line of a task listing: which task, of which template, where it stands and since when. */
public record TaskSummary(
        long taskId, TemplateKey key, String state, Instant createdAt, Instant updatedAt, String idempotencyKey) {
}
