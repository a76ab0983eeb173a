package io.tasker.it.engine.handlers;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Signals that it runs, then waits until the test opens the gate; lets a test act while a step is in flight. */
public final class Gate implements StepHandler {
    private static volatile CountDownLatch entered = new CountDownLatch(1);
    private static volatile CountDownLatch open = new CountDownLatch(1);

    public static void reset() {
        entered = new CountDownLatch(1);
        open = new CountDownLatch(1);
    }

    public static void awaitEntered() throws InterruptedException {
        entered.await();
    }

    public static void open() {
        open.countDown();
    }

    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) throws InterruptedException {
        entered.countDown();
        open.await();
        return Map.of("passed", true);
    }
}
