package io.tasker.core.engine;

import io.tasker.core.template.TemplateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The fixed facts of a task: who asked for what, with which context. */
record TaskInfo(
        long taskId,
        TemplateKey key,
        Map<String, Object> context,
        String initiator,
        String sourceSystem,
        String reason,
        List<String> tags,
        Instant requestedAt) {
}
