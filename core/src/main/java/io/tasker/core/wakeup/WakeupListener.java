package io.tasker.core.wakeup;

import io.tasker.core.database.DatabaseUnavailableException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dedicated connection (not from the pool) that LISTENs on tasker's channels and calls a handler for
 * every notification, from one daemon thread. When the connection drops it reconnects with capped
 * exponential backoff, LISTENs again and then calls {@code onReconnect}: notifications sent while it was
 * away are lost, so that is the moment for a catch-up poll.
 *
 * <p>Built on the Vert.x PostgreSQL client rather than pgjdbc: pgjdbc's {@code getNotifications} ends each
 * receive with a read that waits out a 1 ms socket timeout, which alone misses the wake-up target (see
 * docs/platform-notes.md). Here the event loop hands each notification to the handler as soon as its
 * bytes arrive.
 */
public final class WakeupListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WakeupListener.class);
    /** Bound on close(): the Terminate message and the event loop's shutdown take milliseconds. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final ListenLoop loop;

    private WakeupListener(Vertx vertx, ListenLoop loop) {
        this.vertx = vertx;
        this.loop = loop;
    }

    /**
     * Connects, LISTENs on {@code channels} and returns once listening: a notification committed after
     * this returns reaches {@code onWakeup}.
     *
     * @param url a JDBC or libpq URL as in {@code database.url}; user and password in it win over the arguments
     * @param onReconnect called on the listener thread after every successful reconnection (not after the first connection)
     * @throws DatabaseUnavailableException when the first connection cannot be made or LISTEN fails; nothing is left running
     */
    public static WakeupListener start(String url, String username, String password, List<String> channels,
                                       WakeupHandler onWakeup, Runnable onReconnect) {
        return start(url, username, password, channels, onWakeup, onReconnect, ListenerTimings.DEFAULT);
    }

    /** As {@link #start(String, String, String, List, WakeupHandler, Runnable)}, with other delays. */
    public static WakeupListener start(String url, String username, String password, List<String> channels,
                                       WakeupHandler onWakeup, Runnable onReconnect, ListenerTimings timings) {
        ListenTarget target = ListenTarget.parse(url, username, password);
        List<String> checked = channels.stream().map(WakeupChannels::check).distinct().toList();
        if (checked.isEmpty()) {
            throw new IllegalArgumentException("A wake-up listener needs at least one channel");
        }
        Vertx vertx = newVertx();
        Context context = vertx.getOrCreateContext();
        ListenLoop loop = new ListenLoop(vertx, target, checked, onWakeup, onReconnect, timings);
        try {
            await(loop.start(context), timings.connectTimeout().multipliedBy(target.endpoints().size()).plusSeconds(1));
            return new WakeupListener(vertx, loop);
        } catch (RuntimeException e) {
            loop.stop();
            vertx.close();
            throw new DatabaseUnavailableException("Cannot LISTEN on " + target + ": " + rootMessage(e), e);
        }
    }

    /** Whether the connection is up and listening right now. */
    public boolean isListening() {
        return loop.isListening();
    }

    /** The channels listened on, in the order given. */
    public List<String> channels() {
        return loop.channels();
    }

    /**
     * Closes the connection and stops the listener thread; no handler is called once this returns.
     * Called from the handler itself it cannot wait for its own thread, so it only starts the shutdown.
     */
    @Override
    public void close() {
        CompletableFuture<Void> stopped = loop.stop();
        if (Context.isOnVertxThread()) {
            vertx.close();
            return;
        }
        try {
            await(stopped, CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warn("The wake-up connection did not close cleanly: {}", rootMessage(e));
        }
        try {
            await(vertx.close().toCompletionStage().toCompletableFuture(), CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warn("The wake-up listener thread did not stop within {} s: {}", CLOSE_TIMEOUT.toSeconds(), rootMessage(e));
        }
    }

    /**
     * One event loop, as a daemon thread: the handler runs there, and a listener that is never closed must
     * not keep the JVM alive. Nothing of this Vert.x instance is shared with anything else.
     */
    private static Vertx newVertx() {
        return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1).setUseDaemonThread(true));
    }

    private static void await(CompletableFuture<?> future, Duration timeout) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
