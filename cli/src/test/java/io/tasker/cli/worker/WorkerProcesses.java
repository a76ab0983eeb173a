package io.tasker.cli.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts real {@code tasker worker} processes — a JVM each, on the packaged CLI (cli/target after {@code package})
 * with the JVM flags of {@code bin/tasker} — pointed at one database, with this module's test classes on their
 * class path for the test handlers. Their output goes to files under {@code target/worker-processes}; their peak
 * memory is sampled every 200 ms. Closing ends whatever still runs.
 */
final class WorkerProcesses implements AutoCloseable {
    /** A JVM starts in about a second here; the build's nice 19 can starve it for a minute (see {@link MachineStalls}). */
    static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private static final Path TARGET = Path.of("target").toAbsolutePath();

    private final Path logFolder;
    private final Map<String, String> environment;
    private final List<WorkerProcess> started = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "worker-rss-sampler");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param logFolder a name for this test's logs, under {@code target/worker-processes} (one folder per run)
     * @param environment what every worker gets on top of this JVM's environment: the database, worker settings
     */
    WorkerProcesses(String logFolder, Map<String, String> environment) {
        MachineStalls.get();
        this.logFolder = TARGET.resolve("worker-processes").resolve(logFolder)
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        this.environment = new HashMap<>(environment);
        this.environment.putIfAbsent("TASKER_WORKER_POLL_INTERVAL_MS", "50");
        try {
            Files.createDirectories(this.logFolder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sampler.scheduleWithFixedDelay(() -> started.forEach(WorkerProcess::sampleRss), 200, 200, TimeUnit.MILLISECONDS);
    }

    /** The environment of a worker for a database. */
    static Map<String, String> databaseEnvironment(String jdbcUrl, String username, String password) {
        return Map.of("TASKER_DATABASE_URL", jdbcUrl, "TASKER_DATABASE_USERNAME", username,
                "TASKER_DATABASE_PASSWORD", password);
    }

    /** Starts {@code count} workers named worker-1.. (all JVMs boot at once) and waits until each runs. */
    List<WorkerProcess> start(int count, String... arguments) throws InterruptedException {
        List<WorkerProcess> workers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            workers.add(launch("worker-" + i, Map.of(), arguments));
        }
        for (WorkerProcess worker : workers) {
            worker.awaitRunning(START_TIMEOUT);
        }
        return workers;
    }

    /** Starts one worker with extra environment variables and waits until it runs. */
    WorkerProcess start(String name, Map<String, String> extraEnvironment, String... arguments)
            throws InterruptedException {
        return launch(name, extraEnvironment, arguments).awaitRunning(START_TIMEOUT);
    }

    /** Starts {@code tasker worker ARGUMENTS} without waiting. */
    WorkerProcess launch(String name, Map<String, String> extraEnvironment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // As bin/tasker starts the CLI (its class-data archive aside: one per process would race).
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                "--upgrade-module-path=" + required(TARGET.resolve("jit")),
                "-Xms64m", "-Xmx2g",
                "-cp", classPath(),
                "io.tasker.cli.TaskerCli", "worker"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(logFolder.resolve(name + ".out").toFile())
                .redirectError(logFolder.resolve(name + ".err").toFile());
        builder.environment().putAll(environment);
        builder.environment().putAll(extraEnvironment);
        try {
            WorkerProcess worker = new WorkerProcess(name, builder.start(), logFolder.resolve(name + ".out"),
                    logFolder.resolve(name + ".err"));
            started.add(worker);
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Where the test's worker logs are. */
    Path logFolder() {
        return logFolder;
    }

    private static String classPath() {
        return String.join(java.io.File.pathSeparator, required(TARGET.resolve("tasker-cli.jar")).toString(),
                required(TARGET.resolve("lib")) + "/*", required(TARGET.resolve("test-classes")).toString());
    }

    private static Path required(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing: worker processes need the packaged CLI (run the"
                    + " integration tests with `bin/mvn -pl cli -am verify`)");
        }
        return path;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        started.forEach(WorkerProcess::destroy);
    }
}
