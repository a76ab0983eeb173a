package io.tasker.core.wakeup;

import io.tasker.core.database.Sql;
import io.tasker.core.wakeup.ListenTarget.Endpoint;
import io.tasker.core.wakeup.ListenTarget.HostPort;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.SslMode;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.spi.ConnectionFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener's connection life: connect, LISTEN, deliver, notice the loss, wait, reconnect. Every
 * method but {@link #start}, {@link #stop} and the two getters runs on the one event-loop thread, so the
 * mutable fields need no lock; the getters read volatile copies.
 */
final class ListenLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ListenLoop.class);
    private static final Sql LISTEN = Sql.load(ListenLoop.class, "listen.sql");
    private static final String HEARTBEAT = "SELECT 1";
    private static final long NO_TIMER = -1;

    private final Vertx vertx;
    private final ListenTarget target;
    private final List<String> channels;
    private final WakeupHandler onWakeup;
    private final Runnable onReconnect;
    private final ListenerTimings timings;
    /** The driver's factory rather than PgConnection.connect, which takes no TCP settings. */
    private final ConnectionFactory<PgConnectOptions> connections;
    private final TlsProbe tlsProbe;
    private final List<Endpoint> endpoints;
    /** What the probe found per host for sslmode=prefer; forgotten when a connection there fails. */
    private final Map<HostPort, SslMode> preferred = new HashMap<>();
    private final CompletableFuture<Void> firstListen = new CompletableFuture<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile boolean stopping;
    private volatile boolean listening;

    private Context context;
    private PgConnection connection;
    /** Identifies the attempt in flight, so that an answer arriving after its timeout is thrown away. */
    private long attempt;
    private int failures;
    /** The endpoint of the next attempt: the last one that worked, or the next after a failure. */
    private int endpointIndex;
    private long retryTimer = NO_TIMER;
    private long heartbeatTimer = NO_TIMER;

    ListenLoop(Vertx vertx, ListenTarget target, List<String> channels, WakeupHandler onWakeup, Runnable onReconnect,
               ListenerTimings timings) {
        this.vertx = vertx;
        this.target = target;
        this.channels = List.copyOf(channels);
        this.onWakeup = onWakeup;
        this.onReconnect = onReconnect;
        this.timings = timings;
        this.connections = PgDriver.INSTANCE.createConnectionFactory(vertx, ListenTarget.transport(timings));
        this.tlsProbe = new TlsProbe(vertx, ListenTarget.transport(timings));
        this.endpoints = target.endpoints();
    }

    /** Completes when the first LISTEN succeeded; fails when no host could be reached once. */
    CompletableFuture<Void> start(Context eventLoop) {
        this.context = eventLoop;
        eventLoop.runOnContext(ignored -> connect());
        return firstListen;
    }

    /** Completes when the connection is closed and no timer is left; idempotent. */
    CompletableFuture<Void> stop() {
        if (!stopping) {
            stopping = true;
            context.runOnContext(ignored -> shutDown());
        }
        return stopped;
    }

    boolean isListening() {
        return listening;
    }

    List<String> channels() {
        return channels;
    }

    private void connect() {
        retryTimer = NO_TIMER;
        if (stopping) {
            return;
        }
        long current = ++attempt;
        long guard = vertx.setTimer(timings.connectTimeout().toMillis(), ignored -> {
            if (current == attempt) {
                attempt++;
                connectionFailed(new TimeoutException("no connection within " + timings.connectTimeout().toMillis() + " ms"));
            }
        });
        Endpoint endpoint = endpoints.get(Math.floorMod(endpointIndex, endpoints.size()));
        resolve(endpoint)
                .compose(mode -> connections.connect(context, target.options(endpoint.host(), mode)))
                .map(PgConnection::cast)
                .compose(candidate -> listen(candidate)
                        .recover(failure -> candidate.close().transform(ignored -> Future.failedFuture(failure))))
                .onComplete(result -> {
                    vertx.cancelTimer(guard);
                    if (current != attempt || stopping) {
                        if (result.succeeded()) {
                            result.result().close();
                        }
                    } else if (result.succeeded()) {
                        listening(result.result());
                    } else {
                        preferred.remove(endpoint.host());
                        connectionFailed(result.cause());
                    }
                });
    }

    /** The endpoint's TLS mode, with prefer settled by asking the server once. */
    private Future<SslMode> resolve(Endpoint endpoint) {
        SslMode known = endpoint.sslMode() == SslMode.PREFER ? preferred.get(endpoint.host()) : endpoint.sslMode();
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return tlsProbe.supportsTls(endpoint.host()).map(tls -> {
            SslMode mode = tls ? SslMode.REQUIRE : SslMode.DISABLE;
            preferred.put(endpoint.host(), mode);
            return mode;
        });
    }

    /**
     * The handler is set before LISTEN so that nothing sent right after LISTEN's commit is missed. A
     * notification from a connection that then fails is still delivered: a wake-up too many costs a claim
     * that finds nothing, one too few costs a poll interval.
     */
    private Future<PgConnection> listen(PgConnection candidate) {
        candidate.notificationHandler(notification -> deliver(notification.getChannel(), notification.getPayload()));
        candidate.exceptionHandler(failure -> LOG.debug("Wake-up connection to {}: {}", target, failure.toString()));
        Future<?> listened = Future.succeededFuture();
        for (String channel : channels) {
            String statement = LISTEN.text().strip().formatted(WakeupChannels.quoted(channel));
            listened = listened.compose(ignored -> candidate.query(statement).execute());
        }
        return listened.map(candidate);
    }

    private void listening(PgConnection listened) {
        connection = listened;
        listening = true;
        failures = 0;
        listened.closeHandler(ignored -> connectionLost(listened));
        heartbeatTimer = vertx.setPeriodic(timings.heartbeat().toMillis(), ignored -> heartbeat(listened));
        if (firstListen.complete(null)) {
            LOG.debug("Listening on {} for {}", target, channels);
        } else {
            LOG.info("Wake-up connection to {} is back; listening again on {}", target, channels);
            safely("onReconnect", onReconnect);
        }
    }

    private void deliver(String channel, String payload) {
        if (!stopping) {
            safely("the wake-up handler", () -> onWakeup.onWakeup(channel, payload == null ? "" : payload));
        }
    }

    private void connectionLost(PgConnection lost) {
        if (lost != connection) {
            return;
        }
        connection = null;
        listening = false;
        vertx.cancelTimer(heartbeatTimer);
        if (!stopping) {
            LOG.warn("Lost the wake-up connection to {}; reconnecting", target);
            scheduleRetry();
        }
    }

    private void connectionFailed(Throwable failure) {
        if (stopping) {
            return;
        }
        endpointIndex++;
        if (!firstListen.isDone()) {
            if (endpointIndex < endpoints.size()) {
                connect();
            } else {
                firstListen.completeExceptionally(failure);
            }
            return;
        }
        LOG.warn("Cannot reconnect the wake-up connection to {} (attempt {}): {}", target, failures, failure.toString());
        scheduleRetry();
    }

    private void scheduleRetry() {
        long delay = timings.retryDelayMillis(failures++, ThreadLocalRandom.current().nextDouble());
        retryTimer = vertx.setTimer(delay, ignored -> connect());
    }

    /** A connection whose peer vanished without closing it answers nothing: closing it starts a reconnection. */
    private void heartbeat(PgConnection checked) {
        long guard = vertx.setTimer(timings.connectTimeout().toMillis(), ignored -> {
            LOG.warn("The wake-up connection to {} did not answer a heartbeat; closing it", target);
            checked.close();
        });
        checked.query(HEARTBEAT).execute().onComplete(ignored -> vertx.cancelTimer(guard));
    }

    private void shutDown() {
        attempt++;
        listening = false;
        if (retryTimer != NO_TIMER) {
            vertx.cancelTimer(retryTimer);
        }
        vertx.cancelTimer(heartbeatTimer);
        firstListen.completeExceptionally(new IllegalStateException("the listener was closed"));
        PgConnection open = connection;
        connection = null;
        Future<Void> closed = open == null ? Future.succeededFuture() : open.close();
        closed.eventually(this::closeFactory).eventually(tlsProbe::close).onComplete(ignored -> stopped.complete(null));
    }

    private Future<Void> closeFactory() {
        Promise<Void> closed = Promise.promise();
        connections.close(closed);
        return closed.future();
    }

    /** The handlers are the caller's code: whatever they throw is logged, and the listener goes on. */
    private static void safely(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            LOG.error("{} failed; the wake-up listener goes on", what, e);
        }
    }
}
