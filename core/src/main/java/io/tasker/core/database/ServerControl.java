package io.tasker.core.database;

import io.tasker.core.database.PostgresTools.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** initdb, start, stop and discovery for one data directory, with the unpacked PostgreSQL tools. */
final class ServerControl {

    private static final Logger LOG = LoggerFactory.getLogger(ServerControl.class);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    /** How long to keep retrying a start that failed for a passing reason (see isTransientStartFailure). */
    private static final Duration START_RETRY_TIMEOUT = Duration.ofSeconds(15);

    private final PostgresTools tools;

    ServerControl(PostgresTools tools) {
        this.tools = tools;
    }

    /**
     * The server running on {@code dataDirectory}, once it is ready; empty when none runs. A pid file
     * left by a crash or a reboot is removed; a server still starting or stopping is waited for.
     */
    static Optional<PostmasterPid> runningServer(Path dataDirectory) {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (true) {
            Optional<PostmasterPid> pid = PostmasterPid.read(dataDirectory);
            if (pid.isEmpty()) {
                return pid;
            }
            if (!pid.get().belongsToRunningServer()) {
                removeStale(pid.get());
                return Optional.empty();
            }
            if (pid.get().ready()) {
                return pid;
            }
            if (System.nanoTime() > deadline) {
                throw new DatabaseUnavailableException("PostgreSQL (pid " + pid.get().pid() + ") in " + dataDirectory
                        + " has been '" + pid.get().status() + "' for " + SETTLE_TIMEOUT.toSeconds() + " s; see "
                        + ServerLog.of(dataDirectory).file());
            }
            pause();
        }
    }

    /**
     * Creates a data directory with a generated superuser password. Runs initdb in a sibling folder and
     * renames it into place, so that a crash never leaves a half-initialized data directory behind.
     */
    ServerIdentity initialize(Path dataDirectory, boolean durable) {
        removeAbandonedStaging(dataDirectory);
        ServerIdentity identity = ServerIdentity.generate();
        Path staging = dataDirectory.resolveSibling("." + dataDirectory.getFileName() + ".initdb-" + UUID.randomUUID());
        Path passwordFile = staging.resolveSibling(staging.getFileName() + ".pw");
        try {
            Files.createDirectories(staging.getParent());
            Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, identity.password(), StandardCharsets.UTF_8);
            runInitdb(staging, passwordFile, identity, durable);
            identity.write(staging);
            Files.deleteIfExists(dataDirectory);
            Files.move(staging, dataDirectory, StandardCopyOption.ATOMIC_MOVE);
            return identity;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the PostgreSQL data directory " + dataDirectory, e);
        } finally {
            FileTrees.deleteQuietly(passwordFile);
            FileTrees.deleteQuietly(staging);
        }
    }

    /** What an initdb interrupted by a crash left beside the data directory; callers hold its lock. */
    private static void removeAbandonedStaging(Path dataDirectory) {
        String prefix = "." + dataDirectory.getFileName() + ".initdb-";
        try (Stream<Path> siblings = Files.list(dataDirectory.getParent())) {
            siblings.filter(sibling -> sibling.getFileName().toString().startsWith(prefix)).forEach(FileTrees::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("Cannot look for abandoned initdb folders beside {}: {}", dataDirectory, e.toString());
        }
    }

    private void runInitdb(Path target, Path passwordFile, ServerIdentity identity, boolean durable) {
        // md5, not scram: pgjdbc's SCRAM client costs ~0.3 s of class loading in a fresh JVM and ~10 ms per
        // connection, which would double a CLI start; over loopback with a random 192-bit password, md5 keeps
        // other local users out just as well.
        List<String> arguments = new ArrayList<>(List.of("-D", target.toString(), "-U", identity.username(),
                "--pwfile=" + passwordFile, "--auth=md5", "-c", "password_encryption=md5",
                "--encoding=UTF8", "--locale=C", "--no-instructions"));
        if (!durable) {
            arguments.add("--no-sync");
        }
        CommandResult result = tools.initdb(arguments);
        if (!result.succeeded()) {
            throw new DatabaseUnavailableException("initdb could not create a PostgreSQL data directory in " + target
                    + hintForUserNamespace(result) + ":\n" + result.output());
        }
    }

    /**
     * Starts the server and returns its port: {@code preferredPort} if it is free, else any free one. The
     * wait ends as soon as PostgreSQL is ready or has died (pg_ctl watches its process), so a server that
     * cannot start fails in well under a second, with the end of its log in the message.
     */
    int start(Path dataDirectory, int preferredPort, boolean fsync) {
        int port = preferredPort > 0 && LoopbackPorts.isFree(preferredPort) ? preferredPort : LoopbackPorts.pickFree();
        long retryDeadline = System.nanoTime() + START_RETRY_TIMEOUT.toNanos();
        ServerLog log = ServerLog.of(dataDirectory);
        while (true) {
            long logStart = log.prepareForStart();
            CommandResult result = tools.pgCtl(List.of("start", "-D", dataDirectory.toString(), "-l", log.file().toString(),
                    "-w", "-t", Long.toString(SETTLE_TIMEOUT.toSeconds()), "-s", "-o", serverOptions(port, fsync)));
            if (result.succeeded()) {
                return port;
            }
            String logTail = log.tailSince(logStart);
            if (System.nanoTime() > retryDeadline || !isTransientStartFailure(logTail)) {
                throw new DatabaseUnavailableException("PostgreSQL in " + dataDirectory + " failed to start on port " + port
                        + hintForUserNamespace(result) + ":\n" + result.output() + "\n" + logTail + "\n(log: " + log.file() + ")");
            }
            LOG.info("PostgreSQL could not start on port {} yet; retrying: {}", port, logTail);
            port = LoopbackPorts.isFree(port) ? port : LoopbackPorts.pickFree();
            pause();
        }
    }

    void stop(Path dataDirectory, String mode) {
        CommandResult result = tools.pgCtl(List.of("stop", "-D", dataDirectory.toString(), "-m", mode,
                "-w", "-t", Long.toString(SETTLE_TIMEOUT.toSeconds()), "-s"));
        if (!result.succeeded()) {
            throw new DatabaseUnavailableException("PostgreSQL in " + dataDirectory + " did not stop:\n" + result.output());
        }
    }

    /** Creates tasker's database on a server that has only the ones initdb made. */
    static void createTaskerDatabase(int port, ServerIdentity identity) {
        Properties login = new Properties();
        login.setProperty("user", identity.username());
        login.setProperty("password", identity.password());
        login.setProperty("connectTimeout", "10");
        String url = "jdbc:postgresql://" + LoopbackPorts.HOST + ":" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, login);
             PreparedStatement exists = connection.prepareStatement(Sql.load(ServerControl.class, "database_exists.sql").text())) {
            exists.setString(1, EmbeddedServer.DATABASE);
            try (ResultSet row = exists.executeQuery()) {
                if (!row.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute(Sql.load(ServerControl.class, "create_tasker_database.sql").text());
                    }
                }
            }
        } catch (SQLException e) {
            throw DatabaseUnavailableException.cannotConnect(url, e);
        }
    }

    private static String serverOptions(int port, boolean fsync) {
        String durability = fsync ? "on" : "off";
        return "-p " + port
                + " -c listen_addresses=" + LoopbackPorts.HOST
                + " -c unix_socket_directories=''"
                + " -c fsync=" + durability
                + " -c synchronous_commit=" + durability
                + " -c full_page_writes=" + durability;
    }

    /** Another process took the port, or the children of a killed server still hold its shared memory. */
    private static boolean isTransientStartFailure(String log) {
        return log.contains("could not bind") || log.contains("Address already in use")
                || log.contains("pre-existing shared memory block");
    }

    private static String hintForUserNamespace(CommandResult result) {
        return result.inUserNamespace()
                ? " (run as root inside 'unshare -U', because PostgreSQL refuses to run as root; if user namespaces"
                        + " are not allowed here, run tasker as a normal user or set database.url)"
                : "";
    }

    private static void removeStale(PostmasterPid pid) {
        try {
            Files.deleteIfExists(pid.file());
            LOG.warn("Removed the stale {} (pid {} is no longer a PostgreSQL server on this data directory)", pid.file(), pid.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the stale " + pid.file(), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("interrupted while waiting for PostgreSQL", e);
        }
    }
}
