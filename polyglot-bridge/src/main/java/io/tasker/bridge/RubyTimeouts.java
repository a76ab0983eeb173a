package io.tasker.bridge;

import io.tasker.bridge.guest.RubySession;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.PolyglotException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops Ruby attempts that outlived their timeout, each in its own Ruby thread: {@code Thread#raise} of
 * {@code Tasker::StepTimeoutError}, repeated every {@value #RETRY_MILLIS} ms until the attempt has ended (the first
 * may come before the attempt entered Ruby code, where TruffleRuby drops it, or guest code may rescue it). Guest
 * code still running after the grace gets the context cancelled ({@link SharedContext#giveUp}). One long-lived
 * thread does the raising, so the context does not collect a Ruby thread per timeout.
 */
final class RubyTimeouts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RubyTimeouts.class);
    private static final long RETRY_MILLIS = 200;

    private final RubySession session;
    private final SharedContext owner;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tasker-ruby-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    RubyTimeouts(RubySession session, SharedContext owner) {
        this.session = session;
        this.owner = owner;
    }

    void raiseUntilEnded(RubyWorkers.Worker worker, long attempt, String stepName, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        String message = "step '" + stepName + "' exceeded its timeout";
        schedule(() -> raise(worker, attempt, stepName, message, deadline, grace), 0);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void raise(RubyWorkers.Worker worker, long attempt, String stepName, String message, long deadline,
                       Duration grace) {
        if (System.nanoTime() - deadline > 0) {
            worker.ifRunning(attempt, () -> owner.giveUp(stepName, grace));
            return;
        }
        try {
            if (!worker.raiseIfRunning(attempt, session, message)) {
                return;
            }
        } catch (PolyglotException | IllegalStateException e) {
            // The context is closing: the attempt ends with it.
            LOG.debug("raising the timeout of step '{}': {}", stepName, e.toString());
            return;
        }
        schedule(() -> raise(worker, attempt, stepName, message, deadline, grace), RETRY_MILLIS);
    }

    private void schedule(Runnable task, long delayMillis) {
        try {
            timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            LOG.debug("the Ruby runtime is closed; a timeout is not raised");
        }
    }
}
