package io.tasker.core.engine;

import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepFailure;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import io.tasker.core.json.Json;
import io.tasker.core.json.StorableValues;
import io.tasker.core.json.UnstorableValueException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs step handlers on a bounded pool of worker threads, enforces each attempt's wall-clock timeout, and
 * reports every attempt's outcome exactly once. Timeouts are found by one watchdog thread that looks over
 * the running attempts a few times a second, so starting an attempt wakes no timer thread.
 */
final class StepDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StepDispatcher.class);
    private static final long WATCHDOG_PERIOD_MILLIS = 100;

    private final ExecutorService workers;
    private final ScheduledExecutorService watchdog;
    private final Map<Running, Boolean> running = new ConcurrentHashMap<>();
    private final int maxResultBytes;

    /** One attempt to run: the handler, its views, its limit, and where its outcome goes. */
    record Attempt(StepHandler handler, TaskView task, SequenceView sequence, StepView step, Duration timeout,
                   Consumer<StepOutcome> onOutcome) {
    }

    /** An attempt on its worker thread, with its deadline; whoever reports first (worker or watchdog) wins. */
    private static final class Running {
        final Attempt attempt;
        final Thread thread;
        final long deadline;
        final AtomicBoolean reported = new AtomicBoolean();

        Running(Attempt attempt, Thread thread) {
            this.attempt = attempt;
            this.thread = thread;
            this.deadline = System.nanoTime() + attempt.timeout().toNanos();
        }
    }

    StepDispatcher(int threads, int maxResultBytes) {
        this.workers = Executors.newFixedThreadPool(threads, named("tasker-step-", true));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(named("tasker-watchdog", true));
        this.watchdog.scheduleWithFixedDelay(this::timeOutOverdue, WATCHDOG_PERIOD_MILLIS, WATCHDOG_PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
        this.maxResultBytes = maxResultBytes;
    }

    void dispatch(Attempt attempt) {
        workers.execute(() -> run(attempt));
    }

    private void run(Attempt attempt) {
        Running self = new Running(attempt, Thread.currentThread());
        running.put(self, Boolean.TRUE);
        StepOutcome outcome;
        try {
            Object result = attempt.handler().process(attempt.task(), attempt.sequence(), attempt.step());
            outcome = storable(attempt.step().name(), result);
        } catch (Throwable thrown) {
            outcome = new StepOutcome.Failed(storableResultsOf(attempt.step().name(), FailureMapper.map(thrown)));
        } finally {
            running.remove(self);
        }
        if (self.reported.compareAndSet(false, true)) {
            attempt.onOutcome().accept(outcome);
        } else {
            Thread.interrupted();
            LOG.warn("step '{}' of task {} finished after its timeout; its outcome is discarded",
                    attempt.step().name(), attempt.step().taskId());
        }
    }
    private StepOutcome storable(String stepName, Object result) {
        try {
            Object value = StorableValues.toStorable(result);
            return new StepOutcome.Succeeded(value, withinLimit(value));
        } catch (RuntimeException e) {
            return new StepOutcome.Failed(FailureMapper.unstorable(stepName, e));
        }
    }

    /**
     * The failure with the results its handler set before failing checked like a success's results; results that
     * cannot be stored are dropped (the failure itself still is stored, with the step's earlier results).
     */
    private StepFailure storableResultsOf(String stepName, StepFailure failure) {
        if (failure.handlerResults() == null) {
            return failure;
        }
        try {
            Object value = StorableValues.toStorable(failure.handlerResults());
            withinLimit(value);
            return failure.withHandlerResults(value);
        } catch (RuntimeException e) {
            LOG.warn("step '{}' failed leaving results that cannot be stored; they are dropped: {}", stepName,
                    e.getMessage());
            return failure.withHandlerResults(null);
        }
    }

    /** The value as JSON text, refused when it is larger than {@code execution.max_result_bytes}. */
    private String withinLimit(Object value) {
        String json = Json.write(value);
        if (json.length() > maxResultBytes / 4 && json.getBytes(StandardCharsets.UTF_8).length > maxResultBytes) {
            throw new UnstorableValueException("$", "results of " + json.getBytes(StandardCharsets.UTF_8).length
                    + " bytes (the limit, execution.max_result_bytes, is " + maxResultBytes + ")");
        }
        return json;
    }

    private void timeOutOverdue() {
        long now = System.nanoTime();
        for (Running attempt : running.keySet()) {
            if (now - attempt.deadline >= 0) {
                timeOut(attempt);
            }
        }
    }

    private static void timeOut(Running running) {
        if (!running.reported.compareAndSet(false, true)) {
            return;
        }
        Attempt attempt = running.attempt;
        StepFailure failure = FailureMapper.timeout(attempt.timeout());
        try {
            attempt.handler().cancel(running.thread);
        } catch (RuntimeException e) {
            LOG.warn("cancelling step '{}' failed: {}", attempt.step().name(), e.toString());
        }
        attempt.onOutcome().accept(new StepOutcome.Failed(failure));
    }

    @Override
    public void close() {
        workers.shutdownNow();
        watchdog.shutdownNow();
    }

    static java.util.concurrent.ThreadFactory named(String prefix, boolean daemon) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix.endsWith("-") ? prefix + counter.incrementAndGet() : prefix);
            thread.setDaemon(daemon);
            return thread;
        };
    }
}
