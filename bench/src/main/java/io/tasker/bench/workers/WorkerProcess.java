package io.tasker.bench.workers;

import io.tasker.core.database.EmbeddedServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One {@code tasker worker} process, started the way {@code bin/tasker worker} starts it (same main class, same
 * JVM flags, the harness's class path so that the benchmark's handlers are found), against the benchmark's
 * server. Its stderr (logs) goes to a file; its stdout is kept to tell when it runs and what it claimed.
 * Settings come from the harness's environment ({@code TASKER_WORKER_*}, {@code TASKER_EXECUTION_*}, ...),
 * which the process inherits.
 */
final class WorkerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final Path log;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private WorkerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.reader = new Thread(this::readOut, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a worker and waits until it says it runs.
     *
     * @param extraArgs more arguments of {@code tasker worker}, e.g. {@code --concurrency 24}
     */
    static WorkerProcess start(String name, EmbeddedServer server, Path templates, Path directory,
                               List<String> extraArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Xms64m", "-Xmx2g"));
        String jit = System.getProperty("bench.jit");
        if (jit != null && !jit.isBlank() && Files.isDirectory(Path.of(jit))) {
            command.addAll(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI", "--upgrade-module-path=" + jit));
        }
        String opts = System.getProperty("bench.worker.opts", "").replace("{name}", name).replace("{dir}",
                directory.toString());
        for (String opt : opts.trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                command.add(opt);
            }
        }
        command.add("-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener");
        command.addAll(List.of("-cp", absoluteClassPath(), "io.tasker.cli.TaskerCli", "worker",
                "--templates", templates.toString()));
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        Map<String, String> env = builder.environment();
        env.put("TASKER_DATABASE_URL", server.jdbcUrl());
        env.put("TASKER_DATABASE_USERNAME", server.username());
        env.put("TASKER_DATABASE_PASSWORD", server.password());
        Path log = directory.resolve(name + ".log");
        builder.redirectError(log.toFile());
        WorkerProcess worker = new WorkerProcess(name, builder.start(), log);
        worker.awaitRunning();
        return worker;
    }

    /** The harness's class path with every entry absolute (the worker runs in the work folder). */
    private static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            boolean wildcard = entry.endsWith("/*");
            Path path = Path.of(wildcard ? entry.substring(0, entry.length() - 2) : entry).toAbsolutePath().normalize();
            entries.add(path + (wildcard ? "/*" : ""));
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private void readOut() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private void awaitRunning() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (out.stream().noneMatch(l -> l.contains(" running "))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("worker " + name + " did not start (exit " + (process.isAlive() ? "-"
                        : process.exitValue()) + "); its log " + log + ":\n" + tail());
            }
            Thread.sleep(20);
        }
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    /** SIGTERM, as an operator stops a worker; returns its last output line (what it claimed). */
    String stop() throws InterruptedException, IOException {
        // Through the handle: Process.destroy() would also close the pipes, losing the worker's last words.
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("worker " + name + " did not stop within 60 s after SIGTERM");
        }
        reader.join(5_000);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("worker " + name + " exited " + process.exitValue() + "; its log " + log
                    + ":\n" + tail());
        }
        return out.isEmpty() ? "" : out.getLast();
    }

    private String tail() throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
