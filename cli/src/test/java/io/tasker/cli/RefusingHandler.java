package io.tasker.cli;

import io.tasker.core.handler.PermanentError;
import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.util.Map;

/** A step that fails permanently, so that a task ends in {@code error} after one attempt without backoff waits. */
public final class RefusingHandler implements StepHandler {

    static final String MESSAGE = "this step refuses every request";

    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) throws PermanentError {
        throw new PermanentError(MESSAGE, "ALWAYS_REFUSES", Map.of("step", step.name()));
    }
}
