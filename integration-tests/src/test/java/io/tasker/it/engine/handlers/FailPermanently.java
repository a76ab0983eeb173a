package io.tasker.it.engine.handlers;

import io.tasker.core.handler.PermanentError;
import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.util.Map;

/** Always fails with a PermanentError carrying an error code. */
public final class FailPermanently implements StepHandler {
    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) throws PermanentError {
        throw new PermanentError("card declined", "CARD_DECLINED", Map.of("card", "4242"));
    }
}
