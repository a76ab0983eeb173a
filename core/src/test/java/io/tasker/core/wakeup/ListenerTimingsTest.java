package io.tasker.core.wakeup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ListenerTimingsTest {

    private static final ListenerTimings TIMINGS = ListenerTimings.DEFAULT;

    @Test
    void the_reconnect_delay_doubles_from_50_ms_and_stops_at_5_s() {
        assertThat(IntStream.range(0, 10).mapToLong(attempt -> TIMINGS.retryDelayMillis(attempt, 0.5)).toArray())
                .containsExactly(50L, 100L, 200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L, 5000L);
    }

    @Test
    void a_very_long_outage_stays_at_the_cap() {
        assertThat(TIMINGS.retryDelayMillis(1_000_000, 0.5)).isEqualTo(5000);
    }

    @Test
    void jitter_moves_a_delay_by_at_most_a_fifth() {
        assertThat(TIMINGS.retryDelayMillis(3, 0.0)).isEqualTo(320);
        assertThat(TIMINGS.retryDelayMillis(3, 0.999_999)).isEqualTo(480);
        assertThat(TIMINGS.retryDelayMillis(20, 0.999_999)).isEqualTo(6000);
    }

    @Test
    void refuses_a_cap_below_the_first_delay() {
        assertThatThrownBy(() -> new ListenerTimings(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstRetry <= maxRetry");
    }
}
