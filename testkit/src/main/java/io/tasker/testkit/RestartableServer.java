package io.tasker.testkit;

import io.tasker.core.database.EmbeddedPostgres;
import io.tasker.core.database.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A PostgreSQL of a test's own that it may stop and start again, for code that must survive a server
 * restart; the shared test server is never restarted under other tests. Its data lives where the
 * throwaway servers' does ({@code <tmp>/tasker-test-postgres-<user>/<pid>-<id>/data}), so a JVM killed
 * before {@link #close()} leaves it to the next throwaway start, which stops and deletes it.
 */
public final class RestartableServer implements AutoCloseable {

    private final Path folder;
    private final Thread stopAtExit;
    private EmbeddedServer server;

    private RestartableServer(Path folder) {
        this.folder = folder;
        this.stopAtExit = new Thread(this::stopAndDelete, "tasker-test-restartable-postgres-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** A new server with a migrated-nothing {@code tasker} database, running; about 1.5 s. */
    public static RestartableServer start() {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "tasker-test-postgres-" + System.getProperty("user.name"),
                ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8));
        RestartableServer restartable = new RestartableServer(folder);
        restartable.server = EmbeddedPostgres.start(folder.resolve("data"), false);
        return restartable;
    }

    /** Fast shutdown, as an operator's restart: open sessions are told and disconnected. */
    public synchronized void stop() {
        EmbeddedPostgres.stop(folder.resolve("data"));
    }

    /** Starts it again on the same port (if nothing took it meanwhile; the port is checked). */
    public synchronized void restart() {
        int port = server.port();
        server = EmbeddedPostgres.start(folder.resolve("data"), false);
        if (server.port() != port) {
            throw new IllegalStateException("The restarted PostgreSQL got port " + server.port() + " instead of " + port);
        }
    }

    public synchronized String jdbcUrl() {
        return server.jdbcUrl();
    }

    public synchronized String username() {
        return server.username();
    }

    public synchronized String password() {
        return server.password();
    }

    @Override
    public void close() {
        stopAndDelete();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the JVM is already shutting down and runs the hook itself
        }
    }

    private synchronized void stopAndDelete() {
        if (Files.exists(folder)) {
            EmbeddedPostgres.stop(folder.resolve("data"));
            deleteTree(folder);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the test PostgreSQL folder " + root, e);
        }
    }
}
