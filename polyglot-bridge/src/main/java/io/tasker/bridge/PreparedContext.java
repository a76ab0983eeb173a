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
import java.util.Arrays;
import java.util.function.Function;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One guest context with everything prepared in it: the shim, the converter, the handle, and the guest objects
 * resolved in it so far (by id, so finding one is an array read). Safe for several threads at once (Ruby's one
 * context is entered by every worker thread): the handle keeps the running attempt per thread, and resolving
 * publishes a new array instead of writing into the one readers see. Guest values never leave it.
 */
final class PreparedContext {
    private static final Logger LOG = LoggerFactory.getLogger(PreparedContext.class);

    private final Context context;
    private final GuestSession session;
    private final ResultConverter converter;
    private final TaskerHandle handle;
    private volatile Value[] handlers = new Value[8];
    private volatile Value[] taskHooks = new Value[4];
    private volatile boolean broken;

    PreparedContext(Context context, GuestSession session, ResultConverter converter, TaskerHandle handle) {
        this.context = context;
        this.session = session;
        this.converter = converter;
        this.handle = handle;
    }

    Context context() {
        return context;
    }

    GuestSession session() {
        return session;
    }

    /** Whether guest code exited, or the context was cancelled or failed inside: it must not be used again. */
    boolean isBroken() {
        return broken;
    }

    void markBroken() {
        broken = true;
    }

    /** Runs one attempt of {@code handler} here and returns its result as plain Java. */
    Object run(PolyglotStepHandler handler, TaskView task, SequenceView sequence, StepView step)
            throws HandlerFailureException {
        handle.enter(task, step);
        try {
            Value result = session.call(resolved(handler), GuestViews.task(task), GuestViews.sequence(sequence),
                    GuestViews.step(step));
            return converter.toJava(result);
        } catch (PolyglotException e) {
            noteBreakage(e);
            throw new HandlerFailureException(GuestFailures.of(e, session, converter));
        } catch (UnconvertibleValueException e) {
            throw new HandlerFailureException(GuestFailures.unconvertible(step.name(), e));
        } finally {
            handle.leave();
        }
    }

    /** The guest handler of one template step in this context, built on its first use here. */
    Value resolved(PolyglotStepHandler handler) {
        Value[] known = handlers;
        int id = handler.id();
        if (id < known.length && known[id] != null) {
            return known[id];
        }
        return resolveHandler(handler);
    }

    /**
     * The guest object with a template's task handler hooks in this context, found on first use; null when the
     * class does not exist here.
     */
    Value taskHooks(PolyglotTaskHooks hooks) {
        Value[] known = taskHooks;
        int id = hooks.id();
        if (id < known.length && known[id] != null) {
            return known[id];
        }
        return resolveHooks(hooks);
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
            noteBreakage(e);
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

    void close(boolean cancelRunning) {
        try {
            context.close(cancelRunning);
        } catch (RuntimeException e) {
            LOG.debug("closing a guest context: {}", e.toString());
        }
    }

    private void noteBreakage(PolyglotException e) {
        if (e.isExit() || e.isCancelled() || (e.isInternalError() && !e.isGuestException())) {
            broken = true;
        }
    }

    /** One thread at a time builds: a handler is built once per context, never twice by two racing threads. */
    private synchronized Value resolveHandler(PolyglotStepHandler handler) {
        handlers = resolveInto(handlers, handler.id(), id -> session.handlerFor(handler.spec().handlerClass(),
                GuestViews.of(handler.spec().handlerConfig())));
        return handlers[handler.id()];
    }

    private synchronized Value resolveHooks(PolyglotTaskHooks hooks) {
        Value[] known = taskHooks;
        if (hooks.id() < known.length && known[hooks.id()] != null) {
            return known[hooks.id()];
        }
        Value found = session.taskHooksFor(hooks.className());
        if (found != null) {
            taskHooks = resolveInto(known, hooks.id(), id -> found);
        }
        return found;
    }

    /** {@code known} or a copy with {@code build}'s value at {@code id}; the array readers hold is never written. */
    private static Value[] resolveInto(Value[] known, int id, Function<Integer, Value> build) {
        if (id < known.length && known[id] != null) {
            return known;
        }
        Value built = build.apply(id);
        Value[] copy = Arrays.copyOf(known, Math.max(id + 1, known.length * (id < known.length ? 1 : 2)));
        copy[id] = built;
        return copy;
    }
}
