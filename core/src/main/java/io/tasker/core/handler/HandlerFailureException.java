package io.tasker.core.handler;

/** Carries a failure that was already described as data, e.g. a guest-language exception mapped by the polyglot bridge. */
public class HandlerFailureException extends Exception {
    private final StepFailure failure;

    public HandlerFailureException(StepFailure failure) {
        super(failure.errorClass() + ": " + failure.message(), null, false, false);
        this.failure = failure;
    }

    public StepFailure failure() {
        return failure;
    }
}
