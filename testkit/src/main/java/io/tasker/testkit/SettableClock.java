package io.tasker.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when a test says so, so backoff and timeouts are tested without sleeping. Thread-safe. */
public final class SettableClock implements InstantSource {

    private final AtomicReference<Instant> now;

    public SettableClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the clock forward; to move it back, {@link #set} it. */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Cannot advance the clock by a negative duration (" + duration
                    + "); use set(Instant) to move it back");
        }
        now.updateAndGet(instant -> instant.plus(duration));
    }

    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public String toString() {
        return "SettableClock[" + now.get() + "]";
    }
}
