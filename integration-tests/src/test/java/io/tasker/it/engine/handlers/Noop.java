package io.tasker.it.engine.handlers;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.util.Map;

/** Succeeds at once with its own name. */
public final class Noop implements StepHandler {
    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) {
        return Map.of("step", step.name());
    }
}
