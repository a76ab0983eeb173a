package io.tasker.cli.worker;

import java.util.ArrayList;
import java.util.List;

/**
 * Notices when this machine stops running the tests for a while. The build runs at the lowest CPU priority on a
 * shared 2-core machine (nice 19), where another session's busy processes can starve it — test JVM, workers and
 * PostgreSQL alike — for tens of seconds (Hikari then logs "Thread starvation or clock leap detected"). Leases are
 * wall-clock time and expire during such a stall, as they should. A test measuring a bound in time checks it only
 * when no stall overlapped the measurement; what the engine guarantees whatever the timing is always checked.
 */
final class MachineStalls {
    /** A pause of the sampling thread longer than this counts as a stall. */
    static final long STALL_NANOS = 1_000_000_000L;
    private static final long TICK_MILLIS = 20;
    private static final MachineStalls INSTANCE = new MachineStalls();

    private record Stall(long fromNanos, long toNanos) {
    }

    private final List<Stall> stalls = new ArrayList<>();

    private MachineStalls() {
        Thread sampler = new Thread(this::sample, "machine-stall-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static MachineStalls get() {
        return INSTANCE;
    }

    /** The longest stall that overlapped the time since {@code fromNanos} ({@link System#nanoTime}), in ms; 0 if none. */
    synchronized long longestSinceMillis(long fromNanos) {
        return stalls.stream().filter(s -> s.toNanos() >= fromNanos)
                .mapToLong(s -> (s.toNanos() - Math.max(s.fromNanos(), fromNanos)) / 1_000_000).max().orElse(0);
    }

    /** For a line of figures: empty, or how long the machine stalled since {@code fromNanos}. */
    String note(long fromNanos) {
        long stalled = longestSinceMillis(fromNanos);
        return stalled == 0 ? "" : " (the machine stalled for up to " + stalled + " ms meanwhile)";
    }

    private void sample() {
        long last = System.nanoTime();
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            if (now - last > STALL_NANOS) {
                synchronized (this) {
                    stalls.add(new Stall(last, now));
                }
            }
            last = now;
        }
    }
}
