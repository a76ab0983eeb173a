package io.tasker.cli.worker;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a request to stop gracefully. A shutdown hook would not do: the JVM is
 * already exiting when hooks run, and its exit code is then 143/130, not the 0 of a clean stop. A second
 * signal while stopping exits at once.
 */
final class StopSignals {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private final CountDownLatch requested = new CountDownLatch(1);

    /** Installs the handlers for this process (the real CLI only; tests stop the worker through {@link #request}). */
    void install() {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                if (requested.getCount() == 0) {
                    LOG.warn("second SIG{}: exiting without waiting for the steps in flight", signal.getName());
                    Runtime.getRuntime().halt(130);
                }
                LOG.info("SIG{}: stopping: no new claims; waiting for the steps in flight", signal.getName());
                requested.countDown();
            });
        }
    }

    void request() {
        requested.countDown();
    }

    void await() throws InterruptedException {
        requested.await();
    }
}
