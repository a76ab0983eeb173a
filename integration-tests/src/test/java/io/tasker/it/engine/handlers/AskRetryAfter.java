package io.tasker.it.engine.handlers;

import io.tasker.core.handler.RetryableError;
import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.time.Duration;
import java.util.Map;

/** Fails its first attempt with a RetryableError asking for {@code retry_after} seconds (handler_config). */
public final class AskRetryAfter implements StepHandler {
    private final long seconds;

    public AskRetryAfter(Object config) {
        this.seconds = ((Number) ((Map<?, ?>) config).get("retry_after")).longValue();
    }

    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) throws RetryableError {
        if (step.attempts() == 1) {
            throw new RetryableError("rate limited", Duration.ofSeconds(seconds), Map.of("limit", "10/s"));
        }
        return Map.of("ok", true);
    }
}
