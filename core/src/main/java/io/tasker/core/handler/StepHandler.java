package io.tasker.core.handler;

/**
 * The extension point every step handler implements, whatever its language: Tasker's
 * {@code process(task, sequence, step)}. The return value becomes the step's results; it must be
 * storable as JSON (null, boolean, string, number, {@code List}, {@code Map} with string keys).
 * Failures are thrown: {@link RetryableError}, {@link PermanentError}, {@link HandlerFailureException}
 * (failures already described as data, e.g. by a guest language), or any other exception (retryable).
 */
@FunctionalInterface
public interface StepHandler {

    Object process(TaskView task, SequenceView sequence, StepView step) throws Exception;

    /**
     * Called from a watchdog thread when the attempt running on {@code executing} exceeded its
     * timeout. Java handlers are interrupted; guest-language handlers override this to interrupt
     * their context instead.
     */
    default void cancel(Thread executing) {
        executing.interrupt();
    }
}
