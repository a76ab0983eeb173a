package io.tasker.bridge;

import io.tasker.bridge.guest.RubySession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Value;

/**
 * The Java threads running Ruby steps, each with its Ruby {@code Thread} in the one context and the attempt it runs
 * now, so that a timeout can be raised in that attempt's thread and no other. A worker's lock makes "is that attempt
 * still running?" and the raise one step: an attempt cannot end, and its thread cannot start the next one, while a
 * timeout is being raised in it.
 */
final class RubyWorkers {
    private final ThreadLocal<Worker> own = new ThreadLocal<>();
    private final Map<Thread, Worker> byThread = new ConcurrentHashMap<>();

    /** The calling thread's worker, registered on its first Ruby step. */
    Worker current() {
        Worker worker = own.get();
        if (worker == null) {
            // Worker pools are fixed, but a process may replace one: forget threads that are gone.
            byThread.keySet().removeIf(thread -> !thread.isAlive());
            worker = new Worker();
            own.set(worker);
            byThread.put(Thread.currentThread(), worker);
        }
        return worker;
    }

    /** The worker of {@code thread}, or null when it never ran a Ruby step. */
    Worker of(Thread thread) {
        return byThread.get(thread);
    }

    static final class Worker {
        private Value guestThread;
        private PolyglotStepHandler running;
        private long attempt;
        private long attempts;
        private boolean timedOut;

        /** Marks the start of an attempt of {@code handler}; learns this thread's Ruby thread on its first attempt. */
        void begin(PolyglotStepHandler handler, RubySession session) {
            Value thread = guestThread == null ? session.currentThread() : guestThread;
            synchronized (this) {
                guestThread = thread;
                running = handler;
                attempt = ++attempts;
                timedOut = false;
            }
        }

        synchronized void end() {
            running = null;
            attempt = 0;
        }

        /** Marks the attempt of {@code handler} running now as timed out and returns its number; 0 when none runs. */
        synchronized long timeOut(PolyglotStepHandler handler) {
            if (attempt == 0 || running != handler) {
                return 0;
            }
            timedOut = true;
            return attempt;
        }

        /** Runs {@code action} if {@code expected} is still running; it cannot end meanwhile. */
        synchronized void ifRunning(long expected, Runnable action) {
            if (attempt == expected) {
                action.run();
            }
        }

        synchronized boolean timedOut() {
            return timedOut;
        }

        /** Raises the timeout in this worker's Ruby thread if it still runs {@code expected}; false when it ended. */
        synchronized boolean raiseIfRunning(long expected, RubySession session, String message) {
            if (attempt != expected) {
                return false;
            }
            session.raiseTimeout(guestThread, message);
            return true;
        }
    }
}
