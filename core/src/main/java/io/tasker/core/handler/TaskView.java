package io.tasker.core.handler;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a handler sees of its task (Tasker's {@code task}); values are immutable JSON-shaped Java data. */
public interface TaskView {
    long taskId();

    String name();

    String namespace();

    String version();

    Map<String, Object> context();

    String initiator();

    String sourceSystem();

    String reason();

    List<String> tags();

    Instant requestedAt();

    /** The task's current state name ({@code in_progress} while a step of it runs). */
    String status();
}
