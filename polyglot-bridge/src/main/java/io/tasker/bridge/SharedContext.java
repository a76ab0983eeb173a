package io.tasker.bridge;

import io.tasker.bridge.guest.RubyGuest;
import io.tasker.bridge.guest.RubySession;
import io.tasker.bridge.handle.HostServices;
import io.tasker.bridge.handle.TaskerHandle;
import io.tasker.bridge.value.ResultConverter;
import io.tasker.core.handler.HandlerFailureException;
import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepFailure;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ruby's one context per process, entered by every worker thread that runs a Ruby step, all at once: TruffleRuby's C
 * extensions ({@code date}, {@code bigdecimal}, {@code psych}) work in one context per process only, and a context
 * opened after that one was closed gets "dead handle" failures from them (docs/platform-notes.md). Built when first
 * needed, never replaced: when it has to be cancelled (guest code that ignores its timeout) or its guest code exits,
 * Ruby steps fail, retryable, until the process restarts, and an ERROR says so.
 *
 * <p>A timeout stops only its own attempt: {@link RubyTimeouts} raises {@code Tasker::StepTimeoutError} in that
 * attempt's Ruby thread, while the other threads run on.
 */
final class SharedContext implements GuestContexts {
    static final String UNAVAILABLE_CLASS = "Tasker::RubyUnavailableError";
    private static final Logger LOG = LoggerFactory.getLogger(SharedContext.class);
    private static final Duration TIMEOUT_GRACE = Duration.ofSeconds(5);
    /** Ruby contexts built in this JVM, by every engine: only the first gets working C extensions. */
    private static final java.util.concurrent.atomic.AtomicInteger BUILT_IN_JVM = new java.util.concurrent.atomic.AtomicInteger();

    private final RubyGuest guest;
    private final Engine engine;
    private final BridgeSettings settings;
    private final HostServices host;
    private final Semaphore permits;
    private final RubyWorkers workers = new RubyWorkers();
    private volatile PreparedContext current;
    private volatile RubySession session;
    private volatile RubyTimeouts timeouts;
    private volatile String unusable;
    private int created;
    private boolean closed;

    SharedContext(RubyGuest guest, Engine engine, BridgeSettings settings, HostServices host) {
        this.guest = guest;
        this.engine = engine;
        this.settings = settings;
        this.host = host;
        this.permits = settings.maxThreads() == BridgeSettings.UNBOUNDED ? null : new Semaphore(settings.maxThreads());
    }

    @Override
    public Object runStep(PolyglotStepHandler handler, TaskView task, SequenceView sequence, StepView step)
            throws HandlerFailureException, InterruptedException {
        PreparedContext prepared = preparedForStep();
        if (permits != null) {
            permits.acquire();
        }
        try {
            RubyWorkers.Worker worker = workers.current();
            try {
                worker.begin(handler, session);
                return prepared.run(handler, task, sequence, step);
            } catch (HandlerFailureException e) {
                throw unusable != null && !worker.timedOut() ? new HandlerFailureException(unavailable()) : e;
            } catch (PolyglotException e) {
                // Only learning the Ruby thread runs outside the attempt's own error handling.
                throw new HandlerFailureException(unusable != null ? unavailable()
                        : StepFailure.retryable("PolyglotError", String.valueOf(e.getMessage()), ""));
            } finally {
                worker.end();
            }
        } finally {
            if (permits != null) {
                permits.release();
            }
        }
    }

    @Override
    public <T, E extends Exception> T inContext(InContext<T, E> work) throws E {
        return work.run(prepared());
    }

    @Override
    public boolean interrupt(Thread thread, PolyglotStepHandler handler) {
        RubyWorkers.Worker worker = workers.of(thread);
        RubyTimeouts timer = timeouts;
        if (worker == null || timer == null) {
            return false;
        }
        long attempt = worker.timeOut(handler);
        if (attempt == 0) {
            return false;
        }
        timer.raiseUntilEnded(worker, attempt, handler.spec().stepName(), TIMEOUT_GRACE);
        return true;
    }

    @Override
    public synchronized PoolStatistics statistics() {
        PreparedContext prepared = current;
        return new PoolStatistics(created, prepared == null || prepared.isBroken() ? 0 : 1, 1);
    }

    @Override
    public void close() {
        PreparedContext prepared;
        synchronized (this) {
            closed = true;
            prepared = current;
        }
        RubyTimeouts timer = timeouts;
        if (timer != null) {
            timer.close();
        }
        if (prepared != null) {
            prepared.close(true);
        }
    }

    /** Cancels the context for good: guest code of {@code stepName} kept running past its timeout and grace. */
    void giveUp(String stepName, Duration grace) {
        PreparedContext prepared = current;
        String reason = "step '" + stepName + "' ignored its timeout (Tasker::StepTimeoutError) for " + grace.toMillis()
                + " ms, so the Ruby context was cancelled";
        if (prepared == null || !becomeUnusable(reason)) {
            return;
        }
        prepared.markBroken();
        prepared.close(true);
    }

    private PreparedContext preparedForStep() throws HandlerFailureException {
        try {
            return prepared();
        } catch (RubyUnavailableException e) {
            throw new HandlerFailureException(unavailable());
        }
    }

    private PreparedContext prepared() {
        PreparedContext prepared = current;
        return prepared != null && !prepared.isBroken() ? prepared : open();
    }

    private synchronized PreparedContext open() {
        if (closed) {
            throw new IllegalStateException("the ruby handler runtime is closed");
        }
        if (current != null && current.isBroken()) {
            becomeUnusable("the Ruby context ended (guest code exited, or the runtime failed inside)");
        }
        if (unusable != null) {
            throw new RubyUnavailableException(unavailableMessage());
        }
        if (current == null) {
            current = build();
            created++;
        }
        return current;
    }

    private PreparedContext build() {
        long start = System.nanoTime();
        if (BUILT_IN_JVM.incrementAndGet() > 1) {
            LOG.warn("a Ruby context was built in this JVM before (by another TaskerEngine, or one closed since): in this"
                    + " one TruffleRuby's C extensions (date, bigdecimal, yaml, Time.parse) fail or answer wrongly; run"
                    + " one engine with Ruby handlers per JVM, for the life of the JVM (docs/platform-notes.md)");
        }
        Context context = guest.newContext(engine);
        try {
            RubySession opened = guest.open(context);
            ResultConverter converter = new ResultConverter(opened, settings.resultLimits());
            TaskerHandle handle = new TaskerHandle(host, converter);
            opened.configure(handle);
            session = opened;
            timeouts = new RubyTimeouts(opened, this);
            LOG.debug("ruby context ready in {} ms", (System.nanoTime() - start) / 1_000_000);
            return new PreparedContext(context, opened, converter, handle);
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    private synchronized boolean becomeUnusable(String reason) {
        if (unusable != null) {
            return false;
        }
        unusable = reason;
        LOG.error("{}; Ruby handlers cannot run again in this process: TruffleRuby's C extensions (date, bigdecimal,"
                + " yaml) do not work in a second context. Every Ruby step fails (retryable) until the process is"
                + " restarted.", reason);
        return true;
    }

    private String unavailableMessage() {
        return "Ruby handlers cannot run in this process any more: " + unusable + "; restart the process";
    }

    private StepFailure unavailable() {
        return StepFailure.retryable(UNAVAILABLE_CLASS, unavailableMessage(), "");
    }

    /** Ruby cannot run here any more; the message says why. */
    static final class RubyUnavailableException extends IllegalStateException {
        RubyUnavailableException(String message) {
            super(message);
        }
    }
}
