package io.tasker.bridge;

import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.handler.HandlerSpec;
import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import org.graalvm.polyglot.PolyglotException;

/**
 * The handler of one template step written in Ruby or Python: each attempt claims a pooled context, runs the
 * guest handler resolved in that context, and returns its result as plain Java. A timeout interrupts the
 * context (not the thread), which stays usable.
 */
final class PolyglotStepHandler implements StepHandler {
    private final int id;
    private final HandlerSpec spec;
    private final ContextPool pool;

    PolyglotStepHandler(int id, HandlerSpec spec, ContextPool pool) {
        this.id = id;
        this.spec = spec;
        this.pool = pool;
    }

    int id() {
        return id;
    }

    HandlerSpec spec() {
        return spec;
    }

    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) throws Exception {
        PooledContext context = pool.acquire();
        try {
            return context.run(this, task, sequence, step);
        } finally {
            pool.release(context);
        }
    }

    @Override
    public void cancel(Thread executing) {
        if (!pool.interrupt(executing, this)) {
            // Not in guest code (yet): waiting for a free context, or between attempts.
            executing.interrupt();
        }
    }

    /** Builds the guest handler in one context now, so that a missing class fails when the template registers. */
    void resolveNow() throws HandlerResolutionException {
        PooledContext context;
        try {
            context = pool.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HandlerResolutionException(where() + ": interrupted while starting the " + spec.language() + " runtime");
        } catch (RuntimeException e) {
            throw new HandlerResolutionException(where() + ": the " + spec.language() + " runtime cannot start: "
                    + e.getMessage(), e);
        }
        try {
            context.resolved(this);
        } catch (PolyglotException e) {
            throw new HandlerResolutionException(where() + ": " + spec.language() + " handler class "
                    + spec.handlerClass() + " cannot be built: " + e.getMessage(), e);
        } finally {
            pool.release(context);
        }
    }

    private String where() {
        return "step '" + spec.stepName() + "' of task '" + spec.taskName() + "'";
    }
}
