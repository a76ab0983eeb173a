package io.tasker.bench;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.util.Map;

/** A handler that does nothing, so a benchmark measures the engine and the database only. */
public final class NoopHandler implements StepHandler {
    private static final Map<String, Object> DONE = Map.of("ok", true);

    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) {
        return DONE;
    }
}
