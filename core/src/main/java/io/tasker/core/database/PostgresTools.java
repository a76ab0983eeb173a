package io.tasker.core.database;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code initdb} and {@code pg_ctl} from the unpacked binaries. PostgreSQL refuses to run as root,
 * so as root every tool runs under {@code unshare -U}: in a fresh user namespace the process is
 * "nobody" to itself while the kernel still treats it as the owner of root's files.
 */
final class PostgresTools {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    private final Path home;
    private final boolean asRoot;

    private PostgresTools(Path home, boolean asRoot) {
        this.home = home;
        this.asRoot = asRoot;
    }

    static PostgresTools unpacked() {
        boolean asRoot = runningAsRoot();
        if (asRoot && !onPath("unshare")) {
            throw new DatabaseUnavailableException("PostgreSQL refuses to run as root and tasker runs it in a user"
                    + " namespace with 'unshare -U', but unshare (util-linux) is not on the PATH;"
                    + " install util-linux, run as a normal user, or set database.url");
        }
        return new PostgresTools(PostgresBinaries.unpacked(), asRoot);
    }

    CommandResult initdb(List<String> arguments) {
        return run("initdb", arguments);
    }

    CommandResult pgCtl(List<String> arguments) {
        return run("pg_ctl", arguments);
    }

    private CommandResult run(String tool, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(home.resolve("bin").resolve(tool).toString());
        command.addAll(arguments);
        Path output = null;
        try {
            output = Files.createTempFile("tasker-" + tool + "-", ".out");
            Process process = start(command, output);
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new DatabaseUnavailableException(tool + " did not finish within " + COMMAND_TIMEOUT.toSeconds()
                        + " s: " + String.join(" ", command));
            }
            return new CommandResult(String.join(" ", command), process.exitValue(),
                    Files.readString(output, StandardCharsets.UTF_8).strip(), asRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("interrupted while running " + tool, e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /**
     * Output goes to a file, not a pipe: the postmaster that pg_ctl leaves running must not hold a pipe
     * of this JVM, or reading it would wait for the server to stop.
     */
    private static Process start(List<String> command, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(new File("/dev/null"));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("PG"));
        environment.put("LC_ALL", "C");
        return builder.start();
    }

    private static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String directory : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }

    /** What a tool printed and how it ended. */
    record CommandResult(String command, int exitCode, String output, boolean inUserNamespace) {

        boolean succeeded() {
            return exitCode == 0;
        }
    }
}
