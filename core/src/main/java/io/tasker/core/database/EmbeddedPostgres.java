package io.tasker.core.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL that tasker runs itself when no database URL is configured, from the binaries in
 * zonky's Maven artifacts (unpacked to the user's cache, not run through zonky's launcher, whose server
 * dies with the JVM and which waits out its whole timeout when PostgreSQL fails).
 *
 * <p>The project-local server is detached ({@code pg_ctl start}): it outlives the process that started
 * it, and the next run finds it through PostgreSQL's own {@code postmaster.pid} and reuses it. A file
 * lock beside the data directory makes concurrent runs share one server.
 */
public final class EmbeddedPostgres {

    /** Where the data lives when {@code database.embedded_data_directory} is not set, relative to the working directory. */
    public static final String DEFAULT_DATA_DIRECTORY = ".tasker/pgdata";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);

    private EmbeddedPostgres() {
    }

    /**
     * The server on {@code dataDirectory}: the one already running, or a new one started now (creating the
     * data directory first if it is missing or empty). It keeps running after this JVM exits.
     *
     * @param fsync whether commits are durable (fsync, synchronous_commit and full_page_writes on) when it starts now
     * @throws DatabaseUnavailableException when PostgreSQL cannot be started; the message quotes its log
     */
    public static EmbeddedServer start(Path dataDirectory, boolean fsync) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        long startNanos = System.nanoTime();
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(data)) {
            Optional<PostmasterPid> running = ServerControl.runningServer(data);
            EmbeddedServer server = running.isPresent() ? reuse(data, running.get()) : startStopped(data, fsync);
            LOG.info("Using {} ({} ms)", server.describe(), (System.nanoTime() - startNanos) / 1_000_000);
            return server;
        }
    }

    /** The server running on {@code dataDirectory}, if one runs; starts nothing. */
    public static Optional<EmbeddedServer> find(Path dataDirectory) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        if (!Files.isDirectory(data)) {
            return Optional.empty();
        }
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(data)) {
            return ServerControl.runningServer(data).map(pid -> reuse(data, pid));
        }
    }

    /**
     * Stops the server running on {@code dataDirectory} (fast shutdown: open sessions are disconnected,
     * committed data is safe). Returns false when none was running.
     */
    public static boolean stop(Path dataDirectory) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        if (!Files.isDirectory(data)) {
            return false;
        }
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(data)) {
            Optional<PostmasterPid> running = ServerControl.runningServer(data);
            if (running.isEmpty()) {
                return false;
            }
            new ServerControl(PostgresTools.unpacked()).stop(data, "fast");
            LOG.debug("Stopped the embedded PostgreSQL (pid {}) with data in {}", running.get().pid(), data);
            return true;
        }
    }

    /**
     * A new server for tests: its own temporary data directory, no fsync, stopped and deleted when this JVM
     * exits. Servers left behind by test JVMs that were killed are removed first.
     */
    public static EmbeddedServer startThrowaway() {
        return ThrowawayServers.start();
    }

    private static EmbeddedServer reuse(Path data, PostmasterPid pid) {
        if (!LoopbackPorts.accepts(pid.port())) {
            throw new DatabaseUnavailableException("PostgreSQL (pid " + pid.pid() + ") with data in " + data
                    + " reports ready on port " + pid.port() + " but accepts no connections there; stop it with"
                    + " 'tasker db stop' (or kill " + pid.pid() + ") and run again");
        }
        ServerIdentity identity = ServerIdentity.read(data);
        return new EmbeddedServer(data, pid.port(), identity.username(), identity.password(), pid.pid(), true, false);
    }

    private static EmbeddedServer startStopped(Path data, boolean fsync) {
        ServerControl control = new ServerControl(PostgresTools.unpacked());
        ServerIdentity identity = isDataDirectory(data) ? ServerIdentity.read(data) : control.initialize(data, fsync);
        int port = control.start(data, identity.port(), fsync);
        identity.withPort(port).write(data);
        ServerControl.createTaskerDatabase(port, identity);
        long pid = PostmasterPid.read(data).map(PostmasterPid::pid).orElse(-1L);
        return new EmbeddedServer(data, port, identity.username(), identity.password(), pid, false, false);
    }

    /** True for an initialized data directory, false for a missing or empty folder; anything else is refused. */
    private static boolean isDataDirectory(Path data) {
        if (Files.exists(data.resolve("PG_VERSION"))) {
            return true;
        }
        if (Files.exists(data) && !isEmptyDirectory(data)) {
            throw new DatabaseUnavailableException(data + " is neither empty nor a PostgreSQL data directory;"
                    + " point database.embedded_data_directory at a new or empty folder");
        }
        return false;
    }

    private static boolean isEmptyDirectory(Path path) {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }
}
