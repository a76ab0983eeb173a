package io.tasker.bridge;

import io.tasker.bridge.guest.GuestSession;
import io.tasker.bridge.handle.TaskerHandle;
import io.tasker.bridge.value.GuestViews;
import io.tasker.bridge.value.ResultConverter;
import io.tasker.bridge.value.UnconvertibleValueException;
import io.tasker.core.handler.HandlerFailureException;
import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepFailure;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskHookException;
import io.tasker.core.handler.TaskHooks;
import io.tasker.core.handler.TaskView;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One guest context of the pool with everything prepared in it: the shim, the converter, the handle, and the
 * handlers resolved in it so far (by handler id, so finding one is an array read). Claimed by one thread at a
 * time; guest values never leave it.
 */
final class PooledContext {
    private static final Logger LOG = LoggerFactory.getLogger(PooledContext.class);
    private static final Duration INTERRUPT_WAIT = Duration.ofMillis(200);
    private static final Duration INTERRUPT_RETRY = Duration.ofMillis(10);

    final int slot;
    private final Context context;
    private final GuestSession session;
    private final ResultConverter converter;
    private final TaskerHandle handle;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private Value[] handlers = new Value[8];
    private Value[] taskHooks = new Value[4];
    private volatile Thread user;
    private long attemptCount;
    private volatile long runningAttempt;
    private volatile PolyglotStepHandler running;
    private volatile boolean broken;

    PooledContext(int slot, Context context, GuestSession session, ResultConverter converter, TaskerHandle handle) {
        this.slot = slot;
        this.context = context;
        this.session = session;
        this.converter = converter;
        this.handle = handle;
    }

    boolean tryClaim() {
        if (!broken && claimed.compareAndSet(false, true)) {
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
        return broken;
    }

    /** Runs one attempt of {@code handler} here and returns its result as plain Java. */
    Object run(PolyglotStepHandler handler, TaskView task, SequenceView sequence, StepView step)
            throws HandlerFailureException {
        runningAttempt = ++attemptCount;
        running = handler;
        handle.enter(task, step);
        try {
            Value result = session.call(resolved(handler), GuestViews.task(task), GuestViews.sequence(sequence),
                    GuestViews.step(step));
            return converter.toJava(result);
        } catch (PolyglotException e) {
            broken |= e.isExit() || e.isCancelled() || (e.isInternalError() && !e.isGuestException());
            throw new HandlerFailureException(GuestFailures.of(e, session, converter));
        } catch (UnconvertibleValueException e) {
            throw new HandlerFailureException(GuestFailures.unconvertible(step.name(), e));
        } finally {
            handle.leave();
            running = null;
            runningAttempt = 0;
        }
    }

    /** The guest handler of one template step in this context, built on its first attempt here. */
    Value resolved(PolyglotStepHandler handler) {
        int id = handler.id();
        if (id >= handlers.length) {
            handlers = Arrays.copyOf(handlers, Math.max(id + 1, handlers.length * 2));
        }
        Value resolved = handlers[id];
        if (resolved == null) {
            resolved = session.handlerFor(handler.spec().handlerClass(), GuestViews.of(handler.spec().handlerConfig()));
            handlers[id] = resolved;
        }
        return resolved;
    }

    /**
     * The guest object with a template's task handler hooks in this context, found on first use; null when the
     * class does not exist here.
     */
    Value taskHooks(PolyglotTaskHooks hooks) {
        int id = hooks.id();
        if (id >= taskHooks.length) {
            taskHooks = Arrays.copyOf(taskHooks, Math.max(id + 1, taskHooks.length * 2));
        }
        Value found = taskHooks[id];
        if (found == null) {
            found = session.taskHooksFor(hooks.className());
            taskHooks[id] = found;
        }
        return found;
    }

    /**
     * Calls one task hook here and returns its answer as plain Java. {@code task}, when given, is the task the hook
     * works on: log lines and events of guest code then land on it.
     */
    Object callHook(PolyglotTaskHooks hooks, TaskHooks.Hook hook, TaskView task, Object... arguments)
            throws TaskHookException {
        TaskView previousTask = handle.runningTask();
        StepView previousStep = handle.runningStep();
        if (task != null) {
            handle.enter(task, null);
        }
        try {
            Value target = taskHooks(hooks);
            if (target == null) {
                throw new TaskHookException(hooks.className(), hook.taskerName(), "NameError",
                        "the class is not defined in this context although it was when its template registered", "");
            }
            return converter.toJava(target.invokeMember(hook.taskerName(), arguments));
        } catch (PolyglotException e) {
            broken |= e.isExit() || e.isCancelled() || (e.isInternalError() && !e.isGuestException());
            if (e.isCancelled() || e.isInterrupted()) {
                throw new TaskHookException(hooks.className(), hook.taskerName(), "Interrupted",
                        "its context was interrupted or closed (the engine is shutting down)", "");
            }
            StepFailure failure = GuestFailures.of(e, session, converter);
            throw new TaskHookException(hooks.className(), hook.taskerName(), failure.errorClass(), failure.message(),
                    failure.backtrace());
        } catch (UnconvertibleValueException e) {
            throw TaskHookException.badAnswer(hooks.className(), hook.taskerName(),
                    "answered with something that cannot be stored as JSON " + e.getMessage());
        } finally {
            if (task != null) {
                handle.enter(previousTask, previousStep);
            }
        }
    }

    /**
     * Stops the attempt of {@code handler} if it runs here on {@code thread}; false when it does not. The context
     * stays usable. {@link Context#interrupt} only reaches code already executing, and the attempt may not have
     * entered guest code yet, so a separate thread interrupts until that attempt has ended; guest code still
     * running after {@code grace} gets its context cancelled, and the pool replaces it.
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
                broken = true;
                LOG.warn("step '{}' ignored its interrupt for {} ms; its context is cancelled and replaced",
                        handler.spec().stepName(), grace.toMillis());
                close(true);
                return;
            }
            try {
                context.interrupt(INTERRUPT_WAIT);
            } catch (TimeoutException e) {
                continue;
            } catch (IllegalStateException closed) {
                return;
            }
            LockSupport.parkNanos(INTERRUPT_RETRY.toNanos());
        }
    }

    void close(boolean cancelRunning) {
        try {
            context.close(cancelRunning);
        } catch (RuntimeException e) {
            LOG.debug("closing a guest context: {}", e.toString());
        }
    }
}
