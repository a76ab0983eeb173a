package io.tasker.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.model.StepState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadinessTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void a_fresh_pending_step_with_satisfied_dependencies_is_ready() {
        assertThat(Readiness.isReady(step(StepState.PENDING, 0, 3), true, NOW)).isTrue();
    }

    @Test
    void unsatisfied_dependencies_keep_a_step_waiting() {
        assertThat(Readiness.isReady(step(StepState.PENDING, 0, 3), false, NOW)).isFalse();
    }

    @Test
    void only_pending_and_error_steps_can_be_ready() {
        for (StepState state : StepState.values()) {
            boolean expected = state == StepState.PENDING || state == StepState.ERROR;
            assertThat(Readiness.isReady(step(state, 0, 3), true, NOW)).as(state.dbName()).isEqualTo(expected);
        }
    }

    @Test
    void an_errored_step_waits_out_taskers_failure_window_of_two_to_the_attempts_seconds() {
        StepRecord failed = failedAt(NOW, 2, null);
        assertThat(Readiness.isReady(failed, true, NOW.plusSeconds(3))).isFalse();
        assertThat(Readiness.isReady(failed, true, NOW.plusSeconds(4))).isTrue();
    }

    @Test
    void the_failure_window_is_capped_at_thirty_seconds() {
        StepRecord failed = new StepRecord(1, 0, StepState.ERROR, 20, 9, 20, true, false, false, null, NOW, null, NOW, null);
        assertThat(Readiness.isReady(failed, true, NOW.plusSeconds(29))).isFalse();
        assertThat(Readiness.isReady(failed, true, NOW.plusSeconds(30))).isTrue();
    }

    @Test
    void an_explicit_backoff_request_must_also_have_elapsed() {
        StepRecord failed = failedAt(NOW, 1, 10);
        assertThat(Readiness.isReady(failed, true, NOW.plusSeconds(9))).isFalse();
        assertThat(Readiness.isReady(failed, true, NOW.plusSeconds(10))).isTrue();
        assertThat(Readiness.eligibleAt(failed)).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void an_exhausted_or_non_retryable_step_is_permanently_blocked() {
        StepRecord exhausted = failedAt(NOW, 3, null);
        assertThat(Readiness.isReady(exhausted, true, NOW.plusSeconds(60))).isFalse();
        assertThat(Readiness.permanentlyBlocked(exhausted)).isTrue();
        StepRecord permanent = new StepRecord(1, 0, StepState.ERROR, 20, 1, 3, false, false, false, null, NOW, null, NOW, null);
        assertThat(Readiness.isReady(permanent, true, NOW.plusSeconds(60))).isFalse();
        assertThat(Readiness.permanentlyBlocked(permanent)).isTrue();
    }

    @Test
    void in_process_or_processed_steps_are_never_ready() {
        StepRecord inProcess = new StepRecord(1, 0, StepState.PENDING, 0, 0, 3, true, true, false, null, null, null, null, null);
        StepRecord processed = new StepRecord(1, 0, StepState.PENDING, 0, 0, 3, true, false, true, null, null, null, null, null);
        assertThat(Readiness.isReady(inProcess, true, NOW)).isFalse();
        assertThat(Readiness.isReady(processed, true, NOW)).isFalse();
    }

    @Test
    void next_retry_at_prefers_the_explicit_backoff_over_the_failure_window() {
        assertThat(Readiness.nextRetryAt(failedAt(NOW, 2, 7))).isEqualTo(NOW.plusSeconds(7));
        assertThat(Readiness.nextRetryAt(failedAt(NOW, 2, null))).isEqualTo(NOW.plusSeconds(4));
        assertThat(Readiness.nextRetryAt(step(StepState.PENDING, 0, 3))).isNull();
    }

    private static StepRecord step(StepState state, int attempts, int limit) {
        return new StepRecord(1, 0, state, 0, attempts, limit, true, false, false, null, null, null, null, null);
    }

    private static StepRecord failedAt(Instant at, int attempts, Integer backoff) {
        return new StepRecord(1, 0, StepState.ERROR, 20, attempts, 3, true, false, false, null, at, backoff, at, null);
    }
}
