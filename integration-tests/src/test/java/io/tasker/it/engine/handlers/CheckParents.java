package io.tasker.it.engine.handlers;

import io.tasker.core.handler.PermanentError;
import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fails permanently unless every parent is complete in the sequence it sees, and returns
 * {@code depth} = 1 + the deepest parent's depth; tracks how many run at once across all instances.
 */
public final class CheckParents implements StepHandler {
    public static final AtomicInteger RUNNING = new AtomicInteger();
    public static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();

    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) throws Exception {
        MOST_AT_ONCE.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
        try {
            long depth = 0;
            for (String parent : step.parentNames()) {
                StepView view = sequence.findStepByName(parent).orElseThrow();
                if (!"complete".equals(view.status())) {
                    throw new PermanentError("parent " + parent + " is " + view.status() + " while " + step.name() + " runs");
                }
                depth = Math.max(depth, ((Number) ((Map<?, ?>) view.results()).get("depth")).longValue());
            }
            Thread.onSpinWait();
            return Map.of("depth", depth + 1);
        } finally {
            RUNNING.decrementAndGet();
        }
    }
}
