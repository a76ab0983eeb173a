package io.tasker.cli.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code tasker worker} process started by {@link WorkerProcesses}: its signals (sent with {@code kill}, as an
 * operator or a supervisor would), its output (kept in files, shown in assertion messages), its peak memory and
 * its TCP connections.
 */
final class WorkerProcess {
    private static final Pattern RUNNING = Pattern.compile("^worker (\\S+) running ", Pattern.MULTILINE);
    private static final Pattern STOPPED = Pattern.compile(
            "^worker (\\S+) stopped: (\\d+) task\\(s\\) claimed, (\\d+) late write\\(s\\) refused$", Pattern.MULTILINE);

    /** The last line a worker prints after a graceful stop. */
    record StopSummary(long claimedTasks, long lateWritesRefused) {
    }

    private final String name;
    private final Process process;
    private final Path out;
    private final Path err;
    private final AtomicLong peakRssKb = new AtomicLong();
    private volatile String workerId;

    WorkerProcess(String name, Process process, Path out, Path err) {
        this.name = name;
        this.process = process;
        this.out = out;
        this.err = err;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** The worker's name in leases ({@code tasker_tasks.claimed_by}), as it printed it on start. */
    String workerId() {
        if (workerId == null) {
            throw new IllegalStateException(name + " has not said it is running yet");
        }
        return workerId;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the "worker ID running" line; fails with the process's output if it ends or stays silent. */
    WorkerProcess awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher running = RUNNING.matcher(stdout());
            if (running.find()) {
                workerId = running.group(1);
                return this;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before running\n" + output());
            }
            Thread.sleep(20);
        }
        throw new AssertionError(name + " did not say it was running within " + timeout + "\n" + output());
    }

    void terminate() {
        signal("TERM");
    }

    void kill() {
        signal("KILL");
    }

    void pause() {
        signal("STOP");
    }

    void resume() {
        signal("CONT");
    }

    /** Sends a signal with {@code kill -s NAME PID}. */
    void signal(String signal) {
        sampleRss();
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid())).redirectErrorStream(true).start();
            String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -s " + signal + " " + pid() + " failed: " + said);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while signalling " + name, e);
        }
    }

    /** The exit code, once the process ended within {@code timeout}; fails with its output otherwise. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " (pid " + pid() + ") still runs " + timeout + " later\n" + output());
        }
        return process.exitValue();
    }

    /** The summary printed by a graceful stop; fails with the output if there is none. */
    StopSummary stopSummary() {
        Matcher stopped = STOPPED.matcher(stdout());
        if (!stopped.find()) {
            throw new AssertionError(name + " printed no stop summary\n" + output());
        }
        return new StopSummary(Long.parseLong(stopped.group(2)), Long.parseLong(stopped.group(3)));
    }

    /** Peak resident memory (VmHWM) seen so far, in MiB. */
    long peakRssMb() {
        sampleRss();
        return peakRssKb.get() / 1024;
    }

    /** Reads VmHWM from /proc while the process lives (the kernel keeps the high-water mark; this keeps the last one seen). */
    void sampleRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    peakRssKb.accumulateAndGet(kb, Math::max);
                }
            }
        } catch (NoSuchFileException gone) {
            // The process has ended: the last sample stands.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The local ports of this process's established TCP connections to {@code remotePort} (its database
     * connections): its socket inodes from /proc/PID/fd matched against /proc/PID/net/tcp{,6}.
     */
    Set<Integer> connectionPortsTo(int remotePort) {
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // The descriptor was closed while listing.
                }
            }
            Set<Integer> ports = new HashSet<>();
            for (String table : List.of("tcp", "tcp6")) {
                List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid()), "net", table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.trim().split("\\s+");
                    boolean established = f[3].equals("01");
                    if (established && port(f[2]) == remotePort && inodes.contains(f[9])) {
                        ports.add(port(f[1]));
                    }
                }
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sockets of " + name + " (pid " + pid() + ")", e);
        }
    }

    private static int port(String hexAddress) {
        return Integer.parseInt(hexAddress.substring(hexAddress.indexOf(':') + 1), 16);
    }

    String stdout() {
        return read(out);
    }

    String stderr() {
        return read(err);
    }

    /** Both streams, for assertion messages (stderr cut to its last 200 lines). */
    String output() {
        List<String> errLines = stderr().lines().toList();
        String tail = String.join("\n", errLines.subList(Math.max(0, errLines.size() - 200), errLines.size()));
        return "--- " + name + " (pid " + pid() + ") stdout:\n" + stdout() + "--- stderr (" + err + "):\n" + tail;
    }

    /** Ends the process at once if it still runs (SIGCONT first, so that a paused one can die). */
    void destroy() {
        if (process.isAlive()) {
            process.toHandle().destroyForcibly();
            try {
                signal("CONT");
            } catch (AssertionError | UncheckedIOException ignored) {
                // It may be gone already.
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + (workerId == null ? "" : ", " + workerId) + ")";
    }
}
