package io.tasker.bridge;

import io.tasker.core.handler.HandlerFailureException;
import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One context of a pool (Python's), claimed by one thread at a time, around a {@link PreparedContext}. It knows the
 * attempt running in it, so that a timeout interrupts the whole context: only that attempt runs there.
 */
final class PooledContext {
    private static final Logger LOG = LoggerFactory.getLogger(PooledContext.class);
    private static final Duration INTERRUPT_WAIT = Duration.ofMillis(200);
    private static final Duration INTERRUPT_RETRY = Duration.ofMillis(10);

    final int slot;
    final PreparedContext prepared;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private volatile Thread user;
    private long attemptCount;
    private volatile long runningAttempt;
    private volatile PolyglotStepHandler running;

    PooledContext(int slot, PreparedContext prepared) {
        this.slot = slot;
        this.prepared = prepared;
    }

    boolean tryClaim() {
        if (!prepared.isBroken() && claimed.compareAndSet(false, true)) {
            user = Thread.currentThread();
            return true;
        }
        return false;
    }

    boolean isHeldBy(Thread thread) {
        return claimed.get() && user == thread;
    }

    void release() {
        user = null;
        claimed.set(false);
    }

    boolean isBroken() {
        return prepared.isBroken();
    }

    /** Runs one attempt of {@code handler} here and returns its result as plain Java. */
    Object run(PolyglotStepHandler handler, TaskView task, SequenceView sequence, StepView step)
            throws HandlerFailureException {
        runningAttempt = ++attemptCount;
        running = handler;
        try {
            return prepared.run(handler, task, sequence, step);
        } finally {
            running = null;
            runningAttempt = 0;
        }
    }

    /**
     * Stops the attempt of {@code handler} if it runs here on {@code thread}; false when it does not. The context
     * stays usable. {@link org.graalvm.polyglot.Context#interrupt} only reaches code already executing, and the
     * attempt may not have entered guest code yet, so a separate thread interrupts until that attempt has ended;
     * guest code still running after {@code grace} gets its context cancelled, and the pool replaces it.
     */
    boolean interrupt(Thread thread, PolyglotStepHandler handler, Duration grace) {
        long attempt = runningAttempt;
        if (user != thread || running != handler || attempt == 0) {
            return false;
        }
        Thread.ofVirtual().name("tasker-interrupt-" + handler.spec().stepName())
                .start(() -> interruptUntilEnded(attempt, handler, grace));
        return true;
    }

    private void interruptUntilEnded(long attempt, PolyglotStepHandler handler, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (runningAttempt == attempt) {
            if (System.nanoTime() - deadline > 0) {
                prepared.markBroken();
                LOG.warn("step '{}' ignored its interrupt for {} ms; its context is cancelled and replaced",
                        handler.spec().stepName(), grace.toMillis());
                close(true);
                return;
            }
            try {
                prepared.context().interrupt(INTERRUPT_WAIT);
            } catch (TimeoutException e) {
                continue;
            } catch (IllegalStateException closed) {
                return;
            }
            LockSupport.parkNanos(INTERRUPT_RETRY.toNanos());
        }
    }

    void close(boolean cancelRunning) {
        prepared.close(cancelRunning);
    }
}
