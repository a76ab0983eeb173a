package io.tasker.core.engine;

import io.tasker.core.config.DatabaseConfig;
import io.tasker.core.config.WorkerConfig;
import io.tasker.core.persistence.LeaseStore;
import io.tasker.core.wakeup.WakeupListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due tasks from the shared queue in batches (SKIP LOCKED) and hands them to the engine's
 * orchestrators, keeping at most {@code max_owned_tasks} at once. Idle, it sleeps until the earliest of: a
 * wake-up ({@link #wake}: a notification, a settled task freeing room), the next due time it knows of, or the
 * fallback poll interval. Stopping stops the claims, lets attempts in flight finish within a grace period,
 * and hands back whatever is still held.
 */
public final class Worker {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);
    /** The channel idle workers LISTEN on; the engine's statements NOTIFY it when work becomes due. */
    public static final String WORK_CHANNEL = "tasker_work";

    private final TaskerEngine engine;
    private final LeaseStore leases;
    private final OwnedTasks owned;
    private final WorkerConfig config;
    private final List<String> namespaces;
    private final Thread thread;
    private final WakeupListener listener;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean woken;
    private long wakeAtMillis = Long.MAX_VALUE;
    private volatile boolean stopping;
    private volatile boolean stopped;
    private volatile boolean idle;
    private volatile long claimedTasks;

    Worker(TaskerEngine engine, LeaseStore leases, OwnedTasks owned, WorkerConfig config, List<String> namespaces,
           DatabaseConfig listenOn) {
        this.engine = engine;
        this.leases = leases;
        this.owned = owned;
        this.config = config;
        this.namespaces = namespaces;
        this.listener = listenOn == null ? null : WakeupListener.start(listenOn.url(), listenOn.username(),
                listenOn.password(), List.of(WORK_CHANNEL), (channel, payload) -> onNotification(payload), this::wake);
        this.thread = new Thread(this::loop, "tasker-worker");
        this.thread.setDaemon(true);
        this.thread.start();
        LOG.info("worker {} started (namespaces: {}, lease {} s, {})", leases.workerId(),
                namespaces == null ? "all" : String.join(",", namespaces), config.leaseSeconds(),
                listener == null ? "polling every " + config.pollIntervalMs() + " ms" : "woken by LISTEN " + WORK_CHANNEL);
    }

    /** The payload is when the work is due, in epoch milliseconds ({@code 0}: now); anything else means now. */
    private void onNotification(String payload) {
        try {
            wakeAt(Long.parseLong(payload.strip()));
        } catch (NumberFormatException e) {
            wake();
        }
    }

    /** Look for work now. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            signal.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Work will be due at {@code epochMillis} (a notification's payload): look then, or now if that is past.
     */
    public void wakeAt(long epochMillis) {
        if (epochMillis <= System.currentTimeMillis()) {
            wake();
            return;
        }
        lock.lock();
        try {
            if (epochMillis < wakeAtMillis) {
                wakeAtMillis = epochMillis;
                signal.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Tasks claimed from the queue since the start. */
    public long claimedTasks() {
        return claimedTasks;
    }

    /** Whether the worker found no due task it may take at its last look, and now waits to be woken. */
    public boolean isIdle() {
        return idle;
    }

    private void loop() {
        Duration retryDelay = Duration.ofMillis(50);
        while (!stopping) {
            try {
                int room = config.maxOwnedTasks() - owned.count();
                int batch = Math.min(config.claimBatchSize(), config.maxOwnedTasks());
                if (room >= Math.max(1, batch / 2) || owned.count() == 0 && room > 0) {
                    int asked = Math.min(batch, room);
                    Map<Long, LeaseStore.ClaimedTask> claimed = leases.claimAndLoadQueued(asked, namespaces);
                    claimed.forEach((id, task) -> engine.runClaimed(id, task).whenComplete((r, e) -> wake()));
                    claimedTasks += claimed.size();
                    retryDelay = Duration.ofMillis(50);
                    if (claimed.size() == asked) {
                        continue;
                    }
                    idle = claimed.isEmpty();
                    // With tasks just claimed, the worker looks again when one settles: asking the queue for its next
                    // due time now would put a second statement beside the first attempts' start, for nothing.
                    sleepUntilWoken(idle ? nextLook() : Instant.now().plusMillis(config.pollIntervalMs()));
                    idle = false;
                } else {
                    sleepUntilWoken(Instant.now().plusMillis(config.pollIntervalMs()));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("claiming work failed; retrying in {} ms: {}", retryDelay.toMillis(), e.toString());
                try {
                    sleepUntilWoken(Instant.now().plus(retryDelay));
                } catch (InterruptedException interrupted) {
                    return;
                }
                retryDelay = retryDelay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : retryDelay.multipliedBy(2);
            }
        }
    }

    /** The queue had less than asked: look again at the next due time it knows of, or after the poll interval. */
    private Instant nextLook() {
        Instant poll = Instant.now().plusMillis(config.pollIntervalMs());
        Instant due = leases.nextDue().orElse(poll);
        return due.isBefore(poll) ? due : poll;
    }

    private void sleepUntilWoken(Instant until) throws InterruptedException {
        lock.lock();
        try {
            while (!woken && !stopping) {
                long deadline = Math.min(until.toEpochMilli(), wakeAtMillis);
                long wait = deadline - System.currentTimeMillis();
                if (wait <= 0) {
                    break;
                }
                signal.await(wait, TimeUnit.MILLISECONDS);
            }
            woken = false;
            if (wakeAtMillis <= System.currentTimeMillis()) {
                wakeAtMillis = Long.MAX_VALUE;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops claiming, waits up to {@code grace} for the attempts in flight (no new ones start), then hands
     * back every task still held: due at once for another worker, which counts their unfinished attempts as
     * failed and runs them again. Idempotent.
     */
    public synchronized void stop(Duration grace) {
        if (stopped) {
            return;
        }
        stopping = true;
        wake();
        if (listener != null) {
            listener.close();
        }
        try {
            thread.join(Duration.ofSeconds(10));
            engine.drain();
            long deadline = System.nanoTime() + grace.toNanos();
            while (owned.count() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Map<Long, Long> held = engine.abandonHeld();
            if (!held.isEmpty()) {
                int released = leases.release(held, Duration.ZERO);
                LOG.info("worker {} handed back {} task(s) still running after the grace period", leases.workerId(),
                        released);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("could not hand back the tasks still held; their leases expire on their own", e);
        } finally {
            stopped = true;
            LOG.info("worker {} stopped after claiming {} task(s)", leases.workerId(), claimedTasks);
        }
    }

}
