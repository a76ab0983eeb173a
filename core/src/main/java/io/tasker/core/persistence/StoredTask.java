package io.tasker.core.persistence;

import io.tasker.core.template.TemplateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A task as read back from the database, with all of its steps. */
public record StoredTask(
        long taskId,
        TemplateKey key,
        Map<String, Object> context,
        String initiator,
        String sourceSystem,
        String reason,
        List<String> tags,
        Instant requestedAt,
        String state,
        int sortKey,
        String idempotencyKey,
        Instant nextRunAt,
        List<StoredStep> steps) {

    /** This task with the given steps (a task row is read before its steps). */
    public StoredTask withSteps(List<StoredStep> steps) {
        return new StoredTask(taskId, key, context, initiator, sourceSystem, reason, tags, requestedAt, state, sortKey,
                idempotencyKey, nextRunAt, steps);
    }

    /** One step row with its current transition. */
    public record StoredStep(
            long stepId,
            String name,
            boolean retryable,
            int retryLimit,
            boolean inProcess,
            boolean processed,
            Instant processedAt,
            int attempts,
            Instant lastAttemptedAt,
            Integer backoffRequestSeconds,
            Object results,
            String state,
            int sortKey,
            Instant lastFailureAt) {
    }
}
