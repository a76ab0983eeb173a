package io.tasker.it.engine.handlers;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.util.concurrent.CountDownLatch;

/** A runaway handler: blocks until its thread is interrupted by the step timeout. */
public final class BlockUntilInterrupted implements StepHandler {
    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) throws InterruptedException {
        new CountDownLatch(1).await();
        return null;
    }
}
