package io.tasker.bridge;

import io.tasker.core.handler.HandlerResolutionException;
import io.tasker.core.handler.HandlerSpec;
import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepHandler;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import org.graalvm.polyglot.PolyglotException;

/**
 * The handler of one template step written in Ruby or Python: each attempt runs the guest handler resolved in a
 * context of its language (Python: a pooled one; Ruby: the one shared context) and returns its result as plain
 * Java. A timeout stops the attempt in guest code (not the Java thread); the context stays usable.
 */
final class PolyglotStepHandler implements StepHandler {
    private final int id;
    private final HandlerSpec spec;
    private final GuestContexts contexts;

    PolyglotStepHandler(int id, HandlerSpec spec, GuestContexts contexts) {
        this.id = id;
        this.spec = spec;
        this.contexts = contexts;
    }

    int id() {
        return id;
    }

    HandlerSpec spec() {
        return spec;
    }

    @Override
    public Object process(TaskView task, SequenceView sequence, StepView step) throws Exception {
        return contexts.runStep(this, task, sequence, step);
    }

    @Override
    public void cancel(Thread executing) {
        if (!contexts.interrupt(executing, this)) {
            // Not in guest code (yet): waiting for a free context or a Ruby thread permit, or between attempts.
            executing.interrupt();
        }
    }

    /** Builds the guest handler in one context now, so that a missing class fails when the template registers. */
    void resolveNow() throws HandlerResolutionException {
        try {
            contexts.inContext(context -> {
                try {
                    return context.resolved(this);
                } catch (PolyglotException e) {
                    throw new HandlerResolutionException(where() + ": " + spec.language() + " handler class "
                            + spec.handlerClass() + " cannot be built: " + e.getMessage(), e);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HandlerResolutionException(where() + ": interrupted while starting the " + spec.language() + " runtime");
        } catch (RuntimeException e) {
            throw new HandlerResolutionException(where() + ": the " + spec.language() + " runtime cannot start: "
                    + e.getMessage(), e);
        }
    }

    private String where() {
        return "step '" + spec.stepName() + "' of task '" + spec.taskName() + "'";
    }
}
