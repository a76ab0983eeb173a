package io.tasker.core.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's own {@code postmaster.pid} in a data directory: the lines PostgreSQL writes while it runs
 * (pid, data directory, start time, port, socket directory, listen address, shared memory key, status).
 *
 * @param status {@code starting}, {@code stopping}, {@code ready} or {@code standby}
 */
record PostmasterPid(Path file, long pid, int port, String status) {

    static final String FILE_NAME = "postmaster.pid";

    private static final int PID_LINE = 0;
    private static final int PORT_LINE = 3;
    private static final int STATUS_LINE = 7;

    /** The pid file of {@code dataDirectory}; empty when there is none or it is unreadable garbage. */
    static Optional<PostmasterPid> read(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty() || !lines.get(PID_LINE).strip().matches("\\d+")) {
                return Optional.of(new PostmasterPid(file, -1, -1, "garbage"));
            }
            return Optional.of(new PostmasterPid(file,
                    Long.parseLong(lines.get(PID_LINE).strip()),
                    lines.size() > PORT_LINE && lines.get(PORT_LINE).strip().matches("\\d+")
                            ? Integer.parseInt(lines.get(PORT_LINE).strip()) : -1,
                    lines.size() > STATUS_LINE ? lines.get(STATUS_LINE).strip() : "starting"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new PostmasterPid(file, -1, -1, "unreadable"));
        }
    }

    boolean ready() {
        return "ready".equals(status) && port > 0;
    }

    /**
     * Whether the pid is a live PostgreSQL serving this data directory. After a crash or a reboot the file
     * stays behind and its pid may since belong to an unrelated process, to another PostgreSQL, or to the
     * dead server's zombie: the name and state in {@code /proc/PID/stat} and the working directory (the
     * postmaster's is its data directory) tell them apart, also for a server in another user namespace.
     * When the working directory is unreadable, name and state alone decide.
     */
    boolean belongsToRunningServer() {
        return pid > 0 && isLivePostgres() && workingDirectoryIsDataDirectory();
    }

    /** {@code /proc/PID/stat} reads "PID (NAME) STATE ..."; a zombie (Z) or dead (X) process holds nothing. */
    private boolean isLivePostgres() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            char state = stat.substring(stat.lastIndexOf(')') + 1).strip().charAt(0);
            return name.equals("postgres") && state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException noProcFileSystem) {
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .flatMap(process -> process.info().command())
                    .map(command -> command.endsWith("/postgres"))
                    .orElse(false);
        }
    }

    private boolean workingDirectoryIsDataDirectory() {
        try {
            Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
            return cwd.equals(file.getParent().toRealPath());
        } catch (IOException | UnsupportedOperationException | SecurityException cannotTell) {
            return true;
        }
    }
}
