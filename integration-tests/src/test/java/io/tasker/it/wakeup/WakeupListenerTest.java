package io.tasker.it.wakeup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tasker.core.database.DatabaseUnavailableException;
import io.tasker.core.database.Jdbc;
import io.tasker.core.database.Sql;
import io.tasker.core.database.Wakeups;
import io.tasker.core.wakeup.ListenerTimings;
import io.tasker.core.wakeup.WakeupChannels;
import io.tasker.core.wakeup.WakeupListener;
import io.tasker.testkit.RestartableServer;
import io.tasker.testkit.TaskerDatabaseExtension;
import io.tasker.testkit.TestDatabase;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;

/** The wake-up listener against a real PostgreSQL: delivery, channels, payloads, lost connections, shutdown. */
@ExtendWith(TaskerDatabaseExtension.class)
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class WakeupListenerTest {

    private static final Sql CONNECTIONS = Sql.load(WakeupListenerTest.class, "wakeup_connections.sql");
    private static final Sql TERMINATE = Sql.load(WakeupListenerTest.class, "terminate_wakeup_connections.sql");
    private static final Sql SCRAM_ROLE = Sql.load(WakeupListenerTest.class, "scram_role_create.sql");
    private static final Sql DROP_SCRAM_ROLE = Sql.load(WakeupListenerTest.class, "scram_role_drop.sql");
    private static final ListenerTimings QUICK = new ListenerTimings(Duration.ofMillis(20), Duration.ofMillis(200),
            Duration.ofSeconds(5), Duration.ofSeconds(30));

    private final Received received = new Received();
    private final Semaphore reconnected = new Semaphore(0);

    @Test
    void a_committed_notification_reaches_the_handler_with_its_channel_and_payload(TestDatabase db) throws Exception {
        try (WakeupListener listener = listen(db.jdbcUrl(), db.username(), db.password(), WakeupChannels.WORK)) {
            notify(db, WakeupChannels.WORK, "task 42");

            assertThat(received.next()).isEqualTo(new Wakeup(WakeupChannels.WORK, "task 42"));
            assertThat(listener.isListening()).isTrue();
        }
    }

    @Test
    void a_notification_arrives_only_when_its_transaction_commits_and_never_after_a_rollback(TestDatabase db) throws Exception {
        try (WakeupListener _ = listen(db.jdbcUrl(), db.username(), db.password(), WakeupChannels.WORK);
             Connection sender = db.dataSource().getConnection()) {
            sender.setAutoCommit(false);
            Wakeups.notify(sender, WakeupChannels.WORK, "rolled back");
            sender.rollback();
            Wakeups.notify(sender, WakeupChannels.WORK, "committed");
            assertThat(received.none(Duration.ofMillis(200))).as("nothing before the commit").isTrue();
            sender.commit();

            assertThat(received.next().payload()).isEqualTo("committed");
            assertThat(received.none(Duration.ofMillis(200))).isTrue();
        }
    }

    @Test
    void several_channels_are_listened_on_over_one_connection(TestDatabase db) throws Exception {
        try (WakeupListener listener = listen(db.jdbcUrl(), db.username(), db.password(), "tasker_work", "Tasker Events", "other")) {
            notify(db, "Tasker Events", "e");
            notify(db, "tasker_work", "w");
            notify(db, "not_listened", "x");
            notify(db, "other", "o");

            assertThat(List.of(received.next(), received.next(), received.next())).containsExactly(
                    new Wakeup("Tasker Events", "e"), new Wakeup("tasker_work", "w"), new Wakeup("other", "o"));
            assertThat(listener.channels()).containsExactly("tasker_work", "Tasker Events", "other");
            assertThat(wakeupConnections(db)).as("one connection for all channels").isEqualTo(1);
        }
    }

    @Test
    void unicode_and_empty_payloads_arrive_unchanged(TestDatabase db) throws Exception {
        String unicode = "größe ✓ 日本語 🚀 \"quoted\" 'single' \\ new\nline";
        try (WakeupListener _ = listen(db.jdbcUrl(), db.username(), db.password(), WakeupChannels.WORK)) {
            notify(db, WakeupChannels.WORK, unicode);
            notify(db, WakeupChannels.WORK, "");

            assertThat(received.next().payload()).isEqualTo(unicode);
            assertThat(received.next().payload()).isEmpty();
        }
    }

    /** The embedded server's pg_hba says md5, which PostgreSQL upgrades to SCRAM for a role with a SCRAM password. */
    @Test
    void logs_in_with_scram_sha_256_as_well_as_with_md5(TestDatabase db) throws Exception {
        try (Connection admin = db.dataSource().getConnection(); Statement statement = admin.createStatement()) {
            admin.setAutoCommit(false);
            statement.execute(SCRAM_ROLE.text());
            statement.getMoreResults();
            statement.getMoreResults();
            try (ResultSet verifier = statement.getResultSet()) {
                assertThat(verifier.next()).isTrue();
                assertThat(verifier.getString(1)).isEqualTo("SCRAM-SHA-256$");
            }
            admin.commit();
        }
        try (WakeupListener _ = listen(db.jdbcUrl(), "tasker_wakeup_scram", "scram test password", WakeupChannels.WORK)) {
            notify(db, WakeupChannels.WORK, "scram");

            assertThat(received.next().payload()).isEqualTo("scram");
        } finally {
            waitUntil(() -> wakeupConnections(db) == 0);
            execute(db, DROP_SCRAM_ROLE);
        }
    }

    @Test
    void a_handler_that_throws_does_not_stop_the_listener(TestDatabase db) throws Exception {
        try (WakeupListener _ = WakeupListener.start(db.jdbcUrl(), db.username(), db.password(),
                List.of(WakeupChannels.WORK), (channel, payload) -> {
                    received.add(channel, payload);
                    throw new IllegalStateException("handler bug");
                }, () -> { })) {
            notify(db, WakeupChannels.WORK, "1");
            notify(db, WakeupChannels.WORK, "2");

            assertThat(List.of(received.next().payload(), received.next().payload())).containsExactly("1", "2");
        }
    }

    @Test
    void a_terminated_connection_is_replaced_and_onreconnect_is_called(TestDatabase db) throws Exception {
        try (WakeupListener listener = listen(db.jdbcUrl(), db.username(), db.password(), WakeupChannels.WORK)) {
            assertThat(query(db, TERMINATE)).containsExactly(true);

            assertThat(reconnected.tryAcquire(10, TimeUnit.SECONDS)).as("onReconnect called").isTrue();
            assertThat(listener.isListening()).isTrue();
            notify(db, WakeupChannels.WORK, "after");
            assertThat(received.next().payload()).isEqualTo("after");
            assertThat(wakeupConnections(db)).isEqualTo(1);
        }
    }

    @Test
    void the_listener_survives_a_server_restart_and_hears_notifications_once_it_is_back() throws Exception {
        try (RestartableServer server = RestartableServer.start();
             WakeupListener listener = listen(server.jdbcUrl(), server.username(), server.password(), WakeupChannels.WORK)) {
            notify(server, "before");
            assertThat(received.next().payload()).isEqualTo("before");

            long stopStart = System.nanoTime();
            server.stop();
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopStart))
                    .as("seconds to stop: reconnection attempts must not hold up the shutdown").isLessThan(10);
            waitUntil(() -> !listener.isListening());
            assertThat(reconnected.tryAcquire(300, TimeUnit.MILLISECONDS)).as("no reconnection while the server is down").isFalse();
            server.restart();

            assertThat(reconnected.tryAcquire(10, TimeUnit.SECONDS)).as("onReconnect called once it is back").isTrue();
            assertThat(listener.isListening()).isTrue();
            notify(server, "after");
            assertThat(received.next().payload()).isEqualTo("after");
        }
    }

    @Test
    void close_is_prompt_and_leaves_no_thread_and_no_connection_behind(TestDatabase db) throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        WakeupListener listener = listen(db.jdbcUrl(), db.username(), db.password(), WakeupChannels.WORK);
        Set<Thread> started = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                .collect(Collectors.toSet());
        assertThat(started).as("the listener's threads are daemons").isNotEmpty().allMatch(Thread::isDaemon);
        assertThat(wakeupConnections(db)).isEqualTo(1);

        long start = System.nanoTime();
        listener.close();
        long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(closeMillis).as("close() in ms").isLessThan(1_000);
        for (Thread thread : started) {
            thread.join(1_000);
        }
        assertThat(started).as("threads still alive after close()").noneMatch(Thread::isAlive);
        waitUntil(() -> wakeupConnections(db) == 0);
        notify(db, WakeupChannels.WORK, "after close");
        assertThat(received.none(Duration.ofMillis(200))).as("no handler call after close()").isTrue();
        listener.close();
    }

    @Test
    void start_fails_at_once_when_the_database_cannot_be_reached_and_leaves_nothing_running() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/tasker";

        assertThatThrownBy(() -> listen(url, "nobody", "none", WakeupChannels.WORK))
                .isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining("Cannot LISTEN on " + url);
        waitUntil(() -> Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .noneMatch(t -> !before.contains(t) && t.getName().startsWith("vert.x")));
    }

    private WakeupListener listen(String url, String username, String password, String... channels) {
        return WakeupListener.start(url, username, password, List.of(channels), received::add, reconnected::release, QUICK);
    }

    private static void notify(TestDatabase db, String channel, String payload) throws SQLException {
        try (Connection connection = db.dataSource().getConnection()) {
            Wakeups.notify(connection, channel, payload);
        }
    }

    private static void notify(RestartableServer server, String payload) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            Wakeups.notify(connection, WakeupChannels.WORK, payload);
        }
    }

    private static long wakeupConnections(TestDatabase db) throws SQLException {
        return (Long) query(db, CONNECTIONS).getFirst();
    }

    private static void execute(TestDatabase db, Sql sql) throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql.text());
        }
    }

    private static List<Object> query(TestDatabase db, Sql sql) throws SQLException {
        try (Connection connection = db.dataSource().getConnection()) {
            return Jdbc.query(connection, sql, statement -> { }, row -> row.getObject(1));
        }
    }

    private static void waitUntil(Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    record Wakeup(String channel, String payload) {
    }

    /** What the handler was called with, in order. */
    private static final class Received {

        private final BlockingQueue<Wakeup> queue = new LinkedBlockingQueue<>();

        void add(String channel, String payload) {
            queue.add(new Wakeup(channel, payload));
        }

        Wakeup next() throws InterruptedException {
            Wakeup next = queue.poll(10, TimeUnit.SECONDS);
            assertThat(next).as("a notification within 10 s").isNotNull();
            return next;
        }

        boolean none(Duration wait) throws InterruptedException {
            return queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
        }
    }
}
