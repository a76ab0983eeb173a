package io.tasker.core.persistence;

import io.tasker.core.template.TaskTemplate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A validated task request, ready to be written with its steps, edges and initial transitions. */
public record NewTask(
        TaskTemplate template,
        TemplateIds ids,
        Map<String, Object> context,
        String initiator,
        String sourceSystem,
        String reason,
        List<String> tags,
        List<String> bypassSteps,
        Instant requestedAt,
        String identityHash,
        String idempotencyKey,
        int priority) {
}
