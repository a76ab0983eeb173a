package io.tasker.bench.workers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used by the parts of a benchmark, from {@code /proc} (Linux clock ticks, 10 ms): each worker JVM,
 * the PostgreSQL server (the postmaster, its live children, and the children it has reaped, such as autovacuum
 * workers), this harness, and the whole machine (busy time of all cores, so that other load shows).
 */
final class CpuMeter {
    private static final double TICK_SECONDS = 0.01;

    /** CPU seconds used so far, per part. */
    record Sample(double[] workers, double postgres, double harness, double machineBusy, double machineTotal) {

        Sample minus(Sample before) {
            double[] w = new double[workers.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = workers[i] - (i < before.workers.length ? before.workers[i] : 0);
            }
            return new Sample(w, postgres - before.postgres, harness - before.harness,
                    machineBusy - before.machineBusy, machineTotal - before.machineTotal);
        }

        double workersTotal() {
            double sum = 0;
            for (double w : workers) {
                sum += w;
            }
            return sum;
        }

        /** One line: CPU seconds per part, and what the rest of the machine used in the same window. */
        String describe() {
            StringBuilder line = new StringBuilder("CPU s: workers ");
            for (int i = 0; i < workers.length; i++) {
                line.append(i == 0 ? "" : " + ").append(String.format("%.2f", workers[i]));
            }
            double other = machineBusy - workersTotal() - postgres - harness;
            line.append(String.format(", PostgreSQL %.2f, harness %.2f, rest of machine %.2f; machine busy %.0f %%",
                    postgres, harness, Math.max(0, other), 100 * machineBusy / Math.max(1e-9, machineTotal)));
            return line.toString();
        }
    }

    private final List<Long> workerPids;
    private final long postmasterPid;
    private final long harnessPid = ProcessHandle.current().pid();

    CpuMeter(List<Long> workerPids, long postmasterPid) {
        this.workerPids = List.copyOf(workerPids);
        this.postmasterPid = postmasterPid;
    }

    Sample sample() {
        double[] workers = new double[workerPids.size()];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = seconds(workerPids.get(i), false);
        }
        double postgres = seconds(postmasterPid, true);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.toList()) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] stat = stat(Long.parseLong(name));
                if (stat != null && stat[0] == postmasterPid) {
                    postgres += (stat[1] + stat[2]) * TICK_SECONDS;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        double[] machine = machine();
        return new Sample(workers, postgres, seconds(harnessPid, false), machine[0], machine[1]);
    }

    private static double seconds(long pid, boolean withReapedChildren) {
        long[] stat = stat(pid);
        if (stat == null) {
            return 0;
        }
        return (stat[1] + stat[2] + (withReapedChildren ? stat[3] + stat[4] : 0)) * TICK_SECONDS;
    }

    /** ppid, utime, stime, cutime, cstime of a process; null when it is gone. */
    private static long[] stat(long pid) {
        String text;
        try {
            text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return null;
        }
        // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
        String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
        // f[0] is field 3 (state): ppid is field 4, utime..cstime are fields 14..17.
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
            Long.parseLong(f[14])};
    }

    /** Busy and total CPU seconds of the whole machine (all cores) so far. */
    private static double[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new double[] {(total - idle) * TICK_SECONDS, total * TICK_SECONDS};
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/stat", e);
        }
    }

    /** Peak resident memory of a process (VmHWM), in MiB; 0 when it is gone. */
    static double peakRssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
