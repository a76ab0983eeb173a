package io.tasker.core.database;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Sends a wake-up from Java; the engine's own statements call {@code pg_notify} in their SQL instead, so
 * that the hint commits with the change it announces. It lives here rather than in
 * {@code io.tasker.core.wakeup} because only this package and persistence may speak JDBC.
 */
public final class Wakeups {

    private static final Sql NOTIFY = Sql.load(Wakeups.class, "notify.sql");

    private Wakeups() {
    }

    /**
     * Queues a notification on {@code connection}'s transaction: listeners get it when that transaction
     * commits (at once in auto-commit mode), never if it rolls back. PostgreSQL folds identical
     * notifications of one transaction into one.
     *
     * @param payload free text under 8000 bytes; empty for none
     */
    public static void notify(Connection connection, String channel, String payload) throws SQLException {
        Jdbc.query(connection, NOTIFY, statement -> {
            statement.setString(1, channel);
            statement.setString(2, payload);
        }, row -> null);
    }
}
