package io.tasker.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.core.config.BackoffConfig;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {
    private static BackoffConfig config(boolean jitter) {
        return new BackoffConfig(List.of(1, 2, 4, 8, 16, 32), 300, 2.0, jitter, 0.1);
    }

    @Test
    void uses_the_backoff_table_for_the_first_attempts() {
        BackoffPolicy policy = new BackoffPolicy(config(false), new SplittableRandom(1));
        assertThat(List.of(1, 2, 3, 4, 5, 6).stream().map(n -> policy.backoffSeconds(n, null)))
                .containsExactly(1, 2, 4, 8, 16, 32);
    }

    @Test
    void past_the_table_uses_the_attempt_to_the_power_of_the_multiplier_capped_at_the_maximum() {
        BackoffPolicy policy = new BackoffPolicy(config(false), new SplittableRandom(1));
        assertThat(policy.backoffSeconds(7, null)).isEqualTo(49);
        assertThat(policy.backoffSeconds(20, null)).isEqualTo(300);
    }

    @Test
    void jitter_stays_within_its_percentage_and_never_goes_below_one_second() {
        BackoffPolicy policy = new BackoffPolicy(config(true), new SplittableRandom(7));
        for (int i = 0; i < 1000; i++) {
            assertThat(policy.backoffSeconds(5, null)).isBetween(14, 18);
            assertThat(policy.backoffSeconds(1, null)).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void a_handlers_retry_after_wins_and_is_capped_by_the_maximum() {
        BackoffPolicy policy = new BackoffPolicy(config(true), new SplittableRandom(7));
        assertThat(policy.backoffSeconds(1, Duration.ofSeconds(42))).isEqualTo(42);
        assertThat(policy.backoffSeconds(1, Duration.ofMillis(1500))).isEqualTo(2);
        assertThat(policy.backoffSeconds(1, Duration.ofHours(2))).isEqualTo(300);
    }
}
