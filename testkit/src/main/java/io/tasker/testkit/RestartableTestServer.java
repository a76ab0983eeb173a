package io.tasker.testkit;

import io.tasker.core.config.DatabaseConfig;
import io.tasker.core.database.EmbeddedPostgres;
import io.tasker.core.database.EmbeddedServer;
import io.tasker.core.database.Migrations;
import java.nio.file.Path;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL of one test's own, migrated, that the test can stop and start again on the same data directory
 * and port — a database that goes away under running workers and comes back. Unlike the shared test server it
 * may be stopped; close it to stop it for good (a shutdown hook stops it if the test JVM exits first). The data
 * directory is the caller's (a {@code @TempDir}).
 */
public final class RestartableTestServer implements AutoCloseable {
    private final Path dataDirectory;
    private final Thread stopAtExit;
    private EmbeddedServer server;
    private boolean closed;

    private RestartableTestServer(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.server = EmbeddedPostgres.start(dataDirectory, false);
        this.stopAtExit = new Thread(() -> EmbeddedPostgres.stop(dataDirectory), "restartable-test-postgres-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Creates a data directory in {@code folder}, starts the server (fsync off) and migrates its database. */
    public static RestartableTestServer start(Path folder) {
        RestartableTestServer started = new RestartableTestServer(folder.resolve("pgdata"));
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(started.jdbcUrl());
        dataSource.setUser(started.username());
        dataSource.setPassword(started.password());
        new Migrations(dataSource, "restartable test server", false).migrate();
        return started;
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

    /** A configuration pointing at this server's database, for a pool of the test's own. */
    public DatabaseConfig config(int poolSize) {
        return new DatabaseConfig(jdbcUrl(), username(), password(), poolSize, 5, 60, null, false);
    }

    /** Stops the server (fast shutdown: sessions are disconnected, what was committed is kept). */
    public synchronized void stop() {
        EmbeddedPostgres.stop(dataDirectory);
    }

    /**
     * Starts the stopped server again on the same data directory and port.
     *
     * @throws IllegalStateException when the port was taken meanwhile and the server came back on another one
     */
    public synchronized void restart() {
        int port = server.port();
        server = EmbeddedPostgres.start(dataDirectory, false);
        if (server.port() != port) {
            throw new IllegalStateException("the test PostgreSQL came back on port " + server.port()
                    + " instead of " + port + ", which another process took meanwhile");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            EmbeddedPostgres.stop(dataDirectory);
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        }
    }
}
