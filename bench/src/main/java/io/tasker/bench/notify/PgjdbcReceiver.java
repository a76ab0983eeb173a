package io.tasker.bench.notify;

import java.sql.Connection;
import java.sql.Statement;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * pgjdbc as its documentation suggests: a dedicated thread looping on {@code getNotifications(timeout)}
 * (0 blocks until something arrives). It is stopped by a last notification, since a thread blocked in
 * the driver holds the connection's lock and cannot be interrupted.
 */
final class PgjdbcReceiver implements Receiver {

    static final String STOP = "stop";

    private final Login login;
    private final int timeoutMillis;
    private Connection connection;
    private Thread thread;
    private volatile boolean stopping;

    PgjdbcReceiver(Login login, int timeoutMillis) {
        this.login = login;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void start(String channel, Consumer<String> sink) throws Exception {
        connection = login.connect();
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + channel);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        thread = Thread.ofPlatform().daemon().name("pgjdbc-listener").start(() -> receive(pg, sink));
    }

    private void receive(PGConnection pg, Consumer<String> sink) {
        try {
            while (!stopping) {
                PGNotification[] notifications = pg.getNotifications(timeoutMillis);
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        if (!STOP.equals(notification.getParameter())) {
                            sink.accept(notification.getParameter());
                        }
                    }
                }
            }
        } catch (Exception e) {
            if (!stopping) {
                e.printStackTrace();
            }
        }
    }

    /** Wakes the blocked thread with a notification of its own, then closes the connection it no longer uses. */
    @Override
    public void close() throws Exception {
        stopping = true;
        try (Connection sender = login.connect(); Statement notify = sender.createStatement()) {
            notify.execute("SELECT pg_notify('" + NotifyLatencyBench.CHANNEL + "', '" + STOP + "')");
        }
        thread.join(5_000);
        connection.close();
    }
}
