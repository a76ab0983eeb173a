package io.tasker.cli.run;

import io.tasker.cli.InvalidInputException;
import io.tasker.core.engine.TaskRequest;
import io.tasker.core.template.TemplateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The fields of a task request besides the template and the context: who asks, why, and how to recognize a rerun. */
public final class TaskRequestOptions {

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Names the task: running again with the same key resumes that task instead of creating a new one.")
    private String idempotencyKey;

    @Option(names = "--initiator", paramLabel = "NAME", description = "Who asks for the task (stored on it). Default: unknown.")
    private String initiator;

    @Option(names = "--source-system", paramLabel = "NAME", description = "The system the request comes from. Default: unknown.")
    private String sourceSystem;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the task runs. Default: unknown.")
    private String reason;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag stored on the task; repeat for several.")
    private List<String> tags = new ArrayList<>();

    public TaskRequest request(TemplateKey template, Map<String, Object> context) {
        if (idempotencyKey != null && idempotencyKey.isBlank()) {
            throw new InvalidInputException("--idempotency-key: got an empty key, expected a non-empty name for the task");
        }
        return new TaskRequest(template.namespace(), template.name(), template.version(), context,
                initiator, sourceSystem, reason, tags, List.of(), idempotencyKey, 0, null);
    }
}
