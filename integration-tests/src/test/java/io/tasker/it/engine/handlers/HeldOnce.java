package io.tasker.it.engine.handlers;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first attempt signals that it runs and waits until the test releases it; every later attempt passes
 * at once. Stands for a worker stuck in a long step while another worker takes the task over.
 */
public final class HeldOnce implements StepHandler {
    private static volatile CountDownLatch entered = new CountDownLatch(1);
    private static volatile CountDownLatch released = new CountDownLatch(1);
    private static final AtomicInteger calls = new AtomicInteger();

    public static void reset() {
        entered = new CountDownLatch(1);
        released = new CountDownLatch(1);
        calls.set(0);
    }

    public static void awaitEntered() throws InterruptedException {
        entered.await();
    }

    public static void release() {
        released.countDown();
    }

    public static int calls() {
        return calls.get();
    }

    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) throws InterruptedException {
        int call = calls.incrementAndGet();
        if (call == 1) {
            entered.countDown();
            released.await();
        }
        return Map.of("call", call);
    }
}
