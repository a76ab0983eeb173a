package io.tasker.bridge;

import io.tasker.bridge.guest.Guest;
import io.tasker.bridge.guest.GuestSession;
import io.tasker.bridge.handle.HostServices;
import io.tasker.bridge.handle.TaskerHandle;
import io.tasker.bridge.value.ResultConverter;
import io.tasker.core.handler.HandlerFailureException;
import io.tasker.core.handler.SequenceView;
import io.tasker.core.handler.StepView;
import io.tasker.core.handler.TaskView;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded pool of contexts of one language (Python's) on the shared engine, created when first needed and reused for
 * every later step. A thread gets back the context it used last while that one is free, so with as many
 * contexts as worker threads each worker keeps its own (one context per worker thread). Claiming and returning
 * a context take no lock; only a thread that finds none free waits.
 */
final class ContextPool implements GuestContexts {
    private static final Logger LOG = LoggerFactory.getLogger(ContextPool.class);
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(5);

    private final Guest guest;
    private final Engine engine;
    private final BridgeSettings settings;
    private final HostServices host;
    private final PooledContext[] slots;
    private final boolean[] reserved;
    private final ThreadLocal<PooledContext> lastUsed = new ThreadLocal<>();
    private final AtomicInteger created = new AtomicInteger();
    private final Object lock = new Object();
    private volatile int waiting;
    private volatile boolean closed;

    ContextPool(Guest guest, Engine engine, BridgeSettings settings, HostServices host) {
        this.guest = guest;
        this.engine = engine;
        this.settings = settings;
        this.host = host;
        this.slots = new PooledContext[settings.maxContexts()];
        this.reserved = new boolean[settings.maxContexts()];
    }

    @Override
    public Object runStep(PolyglotStepHandler handler, TaskView task, SequenceView sequence, StepView step)
            throws HandlerFailureException, InterruptedException {
        PooledContext context = acquire();
        try {
            return context.run(handler, task, sequence, step);
        } finally {
            release(context);
        }
    }

    @Override
    public <T, E extends Exception> T inContext(InContext<T, E> work) throws E, InterruptedException {
        PooledContext held = heldByCurrentThread();
        if (held != null) {
            return work.run(held.prepared);
        }
        PooledContext context = acquire();
        try {
            return work.run(context.prepared);
        } finally {
            release(context);
        }
    }

    PooledContext acquire() throws InterruptedException {
        PooledContext last = lastUsed.get();
        if (last != null && !closed && last.tryClaim()) {
            return last;
        }
        PooledContext context = acquireWaiting();
        lastUsed.set(context);
        return context;
    }

    /**
     * The context the calling thread holds right now, or null: guest code running in it called back into the engine
     * (a handler creating a task whose template has hooks), which must reuse it rather than wait for another.
     */
    PooledContext heldByCurrentThread() {
        PooledContext last = lastUsed.get();
        return last != null && last.isHeldBy(Thread.currentThread()) ? last : null;
    }

    void release(PooledContext context) {
        if (context.isBroken()) {
            discard(context);
        } else {
            context.release();
        }
        // waiting is raised before a waiter's last look for a free context: it either sees this one or is woken.
        if (waiting > 0) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /** Interrupts the attempt of {@code handler} running on {@code thread}; false when no context runs it. */
    @Override
    public boolean interrupt(Thread thread, PolyglotStepHandler handler) {
        for (PooledContext context : snapshot()) {
            if (context != null && context.interrupt(thread, handler, INTERRUPT_GRACE)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public PoolStatistics statistics() {
        int open = 0;
        for (PooledContext context : snapshot()) {
            open += context == null ? 0 : 1;
        }
        return new PoolStatistics(created.get(), open, slots.length);
    }

    @Override
    public void close() {
        closed = true;
        for (PooledContext context : snapshot()) {
            if (context != null) {
                context.close(true);
            }
        }
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private PooledContext acquireWaiting() throws InterruptedException {
        int slot;
        synchronized (lock) {
            waiting++;
            try {
                while (true) {
                    requireOpen();
                    PooledContext free = claimFree();
                    if (free != null) {
                        return free;
                    }
                    slot = reserveSlot();
                    if (slot >= 0) {
                        break;
                    }
                    lock.wait();
                }
            } finally {
                waiting--;
            }
        }
        return openIn(slot);
    }

    private PooledContext claimFree() {
        for (PooledContext context : slots) {
            if (context != null && context.tryClaim()) {
                return context;
            }
        }
        return null;
    }

    private int reserveSlot() {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null && !reserved[i]) {
                reserved[i] = true;
                return i;
            }
        }
        return -1;
    }

    /** Builds a context outside the lock (it takes 0.1 to 2 s), already claimed by the calling thread. */
    private PooledContext openIn(int slot) {
        PooledContext context;
        try {
            context = open(slot);
        } catch (RuntimeException e) {
            synchronized (lock) {
                reserved[slot] = false;
                lock.notifyAll();
            }
            throw e;
        }
        context.tryClaim();
        synchronized (lock) {
            slots[slot] = context;
            reserved[slot] = false;
        }
        created.incrementAndGet();
        return context;
    }

    private PooledContext open(int slot) {
        long start = System.nanoTime();
        Context context = guest.newContext(engine);
        try {
            GuestSession session = guest.open(context);
            ResultConverter converter = new ResultConverter(session, settings.resultLimits());
            TaskerHandle handle = new TaskerHandle(host, converter);
            session.configure(handle);
            LOG.debug("{} context {} ready in {} ms", guest.language(), slot, (System.nanoTime() - start) / 1_000_000);
            return new PooledContext(slot, new PreparedContext(context, session, converter, handle));
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    private void discard(PooledContext context) {
        context.close(true);
        synchronized (lock) {
            if (slots[context.slot] == context) {
                slots[context.slot] = null;
            }
            lock.notifyAll();
        }
        LOG.info("a {} context was replaced after its guest code exited or was cancelled", guest.language());
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the " + guest.language() + " handler runtime is closed");
        }
    }

    private PooledContext[] snapshot() {
        synchronized (lock) {
            return slots.clone();
        }
    }
}
