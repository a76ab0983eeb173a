package io.tasker.core.engine;

import io.tasker.core.model.StepState;
import java.time.Instant;

/**
 * The runtime state of one workflow step, as stored in {@code tasker_workflow_steps} and its current
 * transition. Immutable: every change makes a new record, so a snapshot handed to a handler never moves.
 *
 * @param index position of the step in its task's template (and in {@link TaskGraph})
 * @param sortKey sort key of the current transition row, -1 when the step has none yet
 * @param lastFailureAt creation time of the step's most recent {@code error} transition, or null
 */
public record StepRecord(
        long stepId,
        int index,
        StepState state,
        int sortKey,
        int attempts,
        int retryLimit,
        boolean retryable,
        boolean inProcess,
        boolean processed,
        Instant processedAt,
        Instant lastAttemptedAt,
        Integer backoffRequestSeconds,
        Instant lastFailureAt,
        Object results) {

    StepRecord withState(StepState next) {
        return new StepRecord(stepId, index, state.transitionTo(next), sortKey + 10, attempts, retryLimit, retryable,
                inProcess, processed, processedAt, lastAttemptedAt, backoffRequestSeconds, lastFailureAt, results);
    }

    /** Claimed for an attempt: {@code in_progress}, attempts + 1, {@code in_process}. */
    StepRecord claimed(Instant now) {
        StepRecord moved = withState(StepState.IN_PROGRESS);
        return new StepRecord(stepId, index, moved.state, moved.sortKey, attempts + 1, retryLimit, retryable,
                true, false, processedAt, now, backoffRequestSeconds, lastFailureAt, results);
    }

    StepRecord completed(Object newResults, Instant now) {
        StepRecord moved = withState(StepState.COMPLETE);
        return new StepRecord(stepId, index, moved.state, moved.sortKey, attempts, retryLimit, retryable,
                false, true, now, lastAttemptedAt, backoffRequestSeconds, lastFailureAt, newResults);
    }

    StepRecord failed(Object newResults, Integer backoffSeconds, boolean stillRetryable, Instant now) {
        StepRecord moved = withState(StepState.ERROR);
        return new StepRecord(stepId, index, moved.state, moved.sortKey, attempts, retryLimit, stillRetryable,
                false, false, processedAt, now, backoffSeconds, now, newResults);
    }

    StepRecord resolvedManually(Object newResults, Instant now) {
        StepRecord moved = withState(StepState.RESOLVED_MANUALLY);
        return new StepRecord(stepId, index, moved.state, moved.sortKey, attempts, retryLimit, retryable,
                false, true, now, lastAttemptedAt, backoffRequestSeconds, lastFailureAt, newResults);
    }

    StepRecord cancelled() {
        StepRecord moved = withState(StepState.CANCELLED);
        return new StepRecord(stepId, index, moved.state, moved.sortKey, attempts, retryLimit, retryable,
                false, processed, processedAt, lastAttemptedAt, backoffRequestSeconds, lastFailureAt, results);
    }

    /** Operator's reset: a fresh budget of attempts and no pending backoff. */
    StepRecord withAttemptsReset() {
        return new StepRecord(stepId, index, state, sortKey, 0, retryLimit, true,
                inProcess, processed, processedAt, lastAttemptedAt, null, lastFailureAt, results);
    }
}
