package io.tasker.it.engine.handlers;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.util.Map;

/** Fails its first {@code fail_times} attempts (handler_config) with a plain exception, then succeeds. */
public final class FailTimes implements StepHandler {
    private final int failTimes;

    public FailTimes(Object config) {
        this.failTimes = ((Number) ((Map<?, ?>) config).get("fail_times")).intValue();
    }

    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) {
        if (step.attempts() <= failTimes) {
            throw new IllegalStateException("planned failure " + step.attempts() + " of " + failTimes);
        }
        return Map.of("succeeded_on_attempt", step.attempts());
    }
}
