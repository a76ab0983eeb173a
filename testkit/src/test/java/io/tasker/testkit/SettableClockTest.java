package io.tasker.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SettableClockTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void stands_still_at_its_start_until_moved() {
        SettableClock clock = new SettableClock(START);

        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
    }

    @Test
    void advances_by_the_given_duration() {
        SettableClock clock = new SettableClock(START);

        clock.advance(Duration.ofSeconds(30));
        clock.advance(Duration.ofMillis(5));

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(30).plusMillis(5));
    }

    @Test
    void can_be_set_to_any_instant_including_an_earlier_one() {
        SettableClock clock = new SettableClock(START);

        clock.set(START.minusSeconds(3600));

        assertThat(clock.instant()).isEqualTo(START.minusSeconds(3600));
    }

    @Test
    void refuses_to_advance_by_a_negative_duration() {
        SettableClock clock = new SettableClock(START);

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-1S")
                .hasMessageContaining("set(Instant)");
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void loses_no_advance_made_from_many_threads_at_once() throws Exception {
        SettableClock clock = new SettableClock(START);

        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            IntStream.range(0, 10_000).forEach(i -> threads.execute(() -> clock.advance(Duration.ofMillis(1))));
        }

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(10));
    }
}
