package io.tasker.core.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test servers: one folder per server under {@code <tmp>/tasker-test-postgres-<user>}, named after the
 * pid of the JVM that owns it. A shutdown hook stops and deletes it; a JVM killed before its hook ran
 * leaves one behind, which the next throwaway start removes once that pid is gone.
 */
final class ThrowawayServers {

    private static final Logger LOG = LoggerFactory.getLogger(ThrowawayServers.class);

    private ThrowawayServers() {
    }

    static EmbeddedServer start() {
        ServerControl control = new ServerControl(PostgresTools.unpacked());
        removeOrphans(control);
        Path folder = newFolder();
        Path data = folder.resolve("data");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndDelete(control, folder), "tasker-test-postgres-stop"));
        ServerIdentity identity = control.initialize(data, false);
        int port = control.start(data, 0, false);
        identity.withPort(port).write(data);
        ServerControl.createTaskerDatabase(port, identity);
        long pid = PostmasterPid.read(data).map(PostmasterPid::pid).orElse(-1L);
        EmbeddedServer server = new EmbeddedServer(data, port, identity.username(), identity.password(), pid, false, true);
        LOG.info("Started throwaway {}", server.describe());
        return server;
    }

    private static Path root() {
        return Path.of(System.getProperty("java.io.tmpdir"), "tasker-test-postgres-" + System.getProperty("user.name"));
    }

    private static Path newFolder() {
        Path folder = root().resolve(ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the test database folder " + folder, e);
        }
    }

    private static void removeOrphans(ServerControl control) {
        if (!Files.isDirectory(root())) {
            return;
        }
        try (Stream<Path> folders = Files.list(root())) {
            List<Path> orphans = folders.filter(ThrowawayServers::ownerIsGone).toList();
            orphans.forEach(orphan -> stopAndDelete(control, orphan));
        } catch (IOException e) {
            LOG.warn("Cannot look for test servers left behind in {}: {}", root(), e.toString());
        }
    }

    private static boolean ownerIsGone(Path folder) {
        String owner = folder.getFileName().toString().split("-", 2)[0];
        return owner.matches("\\d+") && ProcessHandle.of(Long.parseLong(owner)).map(p -> !p.isAlive()).orElse(true);
    }

    /** Immediate shutdown: the data is deleted next, so nothing needs to be flushed. */
    private static void stopAndDelete(ServerControl control, Path folder) {
        Path data = folder.resolve("data");
        try {
            if (PostmasterPid.read(data).filter(PostmasterPid::belongsToRunningServer).isPresent()) {
                control.stop(data, "immediate");
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot stop the test PostgreSQL in {}: {}", data, e.getMessage());
        }
        FileTrees.deleteQuietly(folder);
    }
}
