package io.tasker.core.engine;

import io.tasker.core.model.StepState;
import java.time.Instant;

/**
 * Tasker's step readiness rule (TASKER-COMPAT.md §3.3, v02), decided in Java. It must agree with the SQL
 * function {@code get_step_readiness_status} row for row; a parity test checks it on random DAGs.
 */
public final class Readiness {
    /** Tasker's failure window is {@code least(2^attempts, 30)} seconds after the last error. */
    static final long MAX_FAILURE_BACKOFF_SECONDS = 30;

    private Readiness() {
    }

    public static boolean isReady(StepRecord step, boolean dependenciesSatisfied, Instant now) {
        return (step.state() == StepState.PENDING || step.state() == StepState.ERROR)
                && !step.processed()
                && dependenciesSatisfied
                && retryEligible(step)
                && step.retryable()
                && !step.inProcess()
                && !now.isBefore(explicitBackoffEnd(step))
                && !now.isBefore(failureBackoffEnd(step));
    }

    public static boolean retryEligible(StepRecord step) {
        return step.attempts() < step.retryLimit();
    }

    /** A step in error that no retry will run: out of attempts, or marked non-retryable by a permanent error. */
    public static boolean permanentlyBlocked(StepRecord step) {
        return step.state() == StepState.ERROR && (!retryEligible(step) || !step.retryable());
    }

    /** When the step may run again as far as its backoff windows go; {@link Instant#MIN} when none applies. */
    public static Instant eligibleAt(StepRecord step) {
        Instant explicit = explicitBackoffEnd(step);
        Instant failure = failureBackoffEnd(step);
        return explicit.isAfter(failure) ? explicit : failure;
    }

    /** Tasker's {@code next_retry_at}: the explicit backoff end when set, else the failure window end, else null. */
    public static Instant nextRetryAt(StepRecord step) {
        if (step.backoffRequestSeconds() != null && step.lastAttemptedAt() != null) {
            return step.lastAttemptedAt().plusSeconds(step.backoffRequestSeconds());
        }
        Instant failure = failureBackoffEnd(step);
        return failure == Instant.MIN ? null : failure;
    }

    private static Instant explicitBackoffEnd(StepRecord step) {
        if (step.backoffRequestSeconds() == null || step.lastAttemptedAt() == null) {
            return Instant.MIN;
        }
        return step.lastAttemptedAt().plusSeconds(step.backoffRequestSeconds());
    }

    private static Instant failureBackoffEnd(StepRecord step) {
        if (step.state() != StepState.ERROR || step.lastFailureAt() == null) {
            return Instant.MIN;
        }
        return step.lastFailureAt().plusSeconds(failureBackoffSeconds(step.attempts()));
    }

    static long failureBackoffSeconds(int attempts) {
        int exponent = Math.max(0, Math.min(attempts, 30));
        return Math.min(1L << exponent, MAX_FAILURE_BACKOFF_SECONDS);
    }
}
