package io.tasker.core.engine;

import io.tasker.core.persistence.LeaseStore;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the leases of the tasks this engine holds, so that a long step keeps its task. A lease that could
 * not be renewed was lost: the engine's later writes for that task are refused by the database's fencing,
 * which is what keeps the task safe; here it is only logged. A failed heartbeat (database away) is retried at
 * the next beat; the leases last several beats.
 */
final class Heartbeat implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final LeaseStore leases;
    private final OwnedTasks owned;
    private final ScheduledExecutorService timer;
    private final long periodNanos;

    Heartbeat(LeaseStore leases, OwnedTasks owned, Duration period) {
        this.leases = leases;
        this.owned = owned;
        this.periodNanos = period.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tasker-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::beat, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        // Only leases taken or renewed at least one beat ago: a lease lasts several beats, and most tasks of a
        // busy worker settle within one, so renewing them all would rewrite every held task row at every beat
        // (an update of a row with many indexes, and lock waits behind the worker's own writes).
        Map<Long, Long> held = owned.renewable(periodNanos);
        if (held.isEmpty()) {
            return;
        }
        try {
            long startedAt = System.nanoTime();
            Set<Long> renewed = leases.renew(held);
            owned.renewed(renewed, held, startedAt);
            if (renewed.size() < held.size()) {
                held.forEach((id, token) -> {
                    // Not renewed because it settled here meanwhile (released with this cycle's write): not a loss.
                    if (!renewed.contains(id) && owned.drop(id, token)) {
                        LOG.warn("the lease on task {} was lost before it settled here; its late results will be refused", id);
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("could not renew {} lease(s); retrying at the next beat: {}", held.size(), e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
