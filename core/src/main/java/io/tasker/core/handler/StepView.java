package io.tasker.core.handler;

import java.time.Instant;
import java.util.List;

/** What a handler sees of a step (Tasker's {@code step}); values are immutable JSON-shaped Java data. */
public interface StepView {
    long workflowStepId();

    long taskId();

    String name();

    /** The task context as it was when the step was created. */
    Object inputs();

    /** The step's stored results (for the running step: what a previous attempt left, or an empty map). */
    Object results();

    /** Executions so far, this one included while it runs. */
    int attempts();

    int retryLimit();

    boolean retryable();

    String status();

    Instant lastAttemptedAt();

    /** The template's {@code handler_config} (after environment overrides), or null. */
    Object handlerConfig();

    /** Names of the steps this one depends on. */
    List<String> parentNames();
}
