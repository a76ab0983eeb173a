package io.tasker.bridge;

import io.tasker.core.handler.HandlerFailureException;
import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;

/**
 * Where the guest code of one language runs: a pool of contexts, each used by one thread at a time (Python, whose
 * contexts each have one interpreter lock), or one context entered by every worker thread at once (Ruby, whose C
 * extensions work in one context per process only).
 */
sealed interface GuestContexts extends AutoCloseable permits ContextPool, SharedContext {

    /** Runs one attempt of {@code handler} and returns its result as plain Java. */
    Object runStep(PolyglotStepHandler handler, TaskView task, SequenceView sequence, StepView step)
            throws HandlerFailureException, InterruptedException;

    /**
     * Runs {@code work} in a context of the language: the one the calling thread already uses when guest code running
     * on it called back into the engine (a handler creating a task whose template has hooks), else any.
     */
    <T, E extends Exception> T inContext(InContext<T, E> work) throws E, InterruptedException;

    /** Stops the attempt of {@code handler} running on {@code thread}; false when it runs no guest code now. */
    boolean interrupt(Thread thread, PolyglotStepHandler handler);

    PoolStatistics statistics();

    @Override
    void close();

    @FunctionalInterface
    interface InContext<T, E extends Exception> {
        T run(PreparedContext context) throws E;
    }
}
