package io.tasker.it.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A separate JVM on the test class path running one of this package's main classes: another process, for real. */
final class ChildJvm {

    private final Process process;
    private final List<String> command;
    private final BufferedReader output;

    private ChildJvm(Process process, List<String> command) {
        this.process = process;
        this.command = command;
        this.output = process.inputReader(StandardCharsets.UTF_8);
    }

    static ChildJvm openEmbeddedDatabase(Path dataDirectory, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(dataDirectory.toString()));
        arguments.addAll(List.of(extraArguments));
        return start(OpenEmbeddedDatabase.class, arguments);
    }

    static ChildJvm startThrowawayServer(String exitOrWait) {
        return start(StartThrowawayServer.class, List.of(exitOrWait));
    }

    private static ChildJvm start(Class<?> mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(arguments);
        try {
            return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start(), command);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** What {@link OpenEmbeddedDatabase} reported: the server's start time, its port, and whether it was reused. */
    OpenedServer awaitResult() {
        String[] fields = awaitResultLine();
        awaitSuccess();
        return new OpenedServer(fields[0], Integer.parseInt(fields[1]), fields[2].equals("reused"));
    }

    /** The fields of the child's result line, read while the child may still run. */
    String[] awaitResultLine() {
        StringBuilder seen = new StringBuilder();
        try {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(OpenEmbeddedDatabase.RESULT_PREFIX)) {
                    return line.substring(OpenEmbeddedDatabase.RESULT_PREFIX.length()).split("\\|");
                }
                seen.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("child JVM ended without a result: " + command + "\n" + seen);
    }

    /** Waits for the child to end, which it must do successfully. */
    void awaitSuccess() {
        try {
            String rest = output.lines().collect(Collectors.joining("\n"));
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("child JVM failed: " + command + "\n" + rest);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Kills the child at once: no shutdown hook runs, as when a test JVM is killed. */
    void kill() {
        process.destroyForcibly();
        process.onExit().join();
    }

    /** One server, as a process saw it. */
    record OpenedServer(String startTime, int port, boolean reused) {
    }
}
