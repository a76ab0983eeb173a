package io.tasker.it.engine.handlers;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Fails the first execution of each workflow step this instance sees, whatever its attempt count says, then succeeds. */
public final class FailFirstTime implements StepHandler {
    private final Set<Long> seen = ConcurrentHashMap.newKeySet();

    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) {
        if (seen.add(step.workflowStepId())) {
            throw new IllegalStateException("first execution of step " + step.workflowStepId() + " fails");
        }
        return Map.of("ok", true);
    }
}
