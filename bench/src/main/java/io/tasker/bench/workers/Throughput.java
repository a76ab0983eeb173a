package io.tasker.bench.workers;

import io.tasker.core.engine.TaskRequest;
import io.tasker.core.engine.TaskerEngine;
import io.tasker.core.persistence.CreatedTask;
import io.tasker.core.template.TaskTemplate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Worker processes drain a queue: per round the harness submits all tasks in one transaction (not timed) while
 * the workers idle, then times from that commit until no task is queued or held (polled every 20 ms), and checks
 * that every task completed. The workers' own transition timestamps give the active window (first step claimed
 * to last task completed), which leaves out how long idle workers took to notice the new work.
 */
final class Throughput {
    private static final long DRAIN_TIMEOUT_NANOS = 600_000_000_000L;
    private static final long SETTLE_MILLIS = 2_500;

    private final BenchServer server;
    private final DataSource ds;
    private final TaskerEngine engine;
    private final WorkersBench.Templates templates;
    private final Path work;
    private int submitted;

    Throughput(BenchServer server, TaskerEngine engine, WorkersBench.Templates templates, Path work) {
        this.server = server;
        this.ds = server.database().dataSource();
        this.engine = engine;
        this.templates = templates;
        this.work = work;
    }

    void run(int rounds) throws Exception {
        int workerCount = Integer.getInteger("bench.workers", 2);
        int tasks = Integer.getInteger("bench.tasks", 20_000);
        int diamonds = Integer.getInteger("bench.diamonds", 5_000);
        List<WorkerProcess> workers = new ArrayList<>();
        try {
            for (int i = 0; i < workerCount; i++) {
                workers.add(WorkerProcess.start("worker-" + (i + 1), server.server(), templates.folder(), work,
                        List.of()));
            }
            CpuMeter meter = new CpuMeter(workers.stream().map(WorkerProcess::pid).toList(), server.pid());
            System.out.printf("%n## throughput: %d worker processes (pids %s), queue drained from the submit's commit%n",
                    workerCount, workers.stream().map(w -> Long.toString(w.pid())).toList());
            if (tasks > 0) {
                variant(meter, templates.oneStep(), 1, tasks, rounds);
            }
            if (diamonds > 0) {
                variant(meter, templates.diamond(), 4, diamonds, rounds);
            }
            for (WorkerProcess worker : workers) {
                double rss = CpuMeter.peakRssMiB(worker.pid());
                System.out.printf("# %s: peak RSS %.0f MiB; %s%n", worker.name(), rss, worker.stop());
            }
        } finally {
            workers.forEach(WorkerProcess::close);
        }
    }

    private void variant(CpuMeter meter, TaskTemplate template, int steps, int tasks, int rounds) throws Exception {
        String label = template.name() + " (" + steps + (steps == 1 ? " step" : " steps") + ")";
        int warmups = Integer.getInteger("bench.warmup.rounds", 2);
        System.out.printf("%n### %d %s tasks per round; %d warm-up round(s) first%n", tasks, label, warmups);
        for (int w = 0; w < warmups; w++) {
            round(meter, template, steps, tasks, "warm-up " + (w + 1), false);
        }
        if (Boolean.parseBoolean(System.getProperty("bench.analyze", "true"))) {
            Probe.analyze(ds);
        }
        double[] fromCommit = new double[rounds];
        double[] active = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double[] rates = round(meter, template, steps, tasks, "round " + (r + 1), r == rounds - 1);
            fromCommit[r] = rates[0];
            active[r] = rates[1];
        }
        Stats.report(label + " tasks/s, from the submit's commit", fromCommit);
        Stats.report(label + " tasks/s, first claim to last completion", active);
        if (steps > 1) {
            Stats.report(label + " steps/s, from the submit's commit", Stats.times(fromCommit, steps));
            Stats.report(label + " steps/s, first claim to last completion", Stats.times(active, steps));
        }
    }

    /**
     * With {@code -Dbench.perf=true}, the last round of each variant is recorded by {@code perf record} (all CPUs,
     * cpu-clock, 999 Hz, no call graphs) into the work folder, from the submit's commit to the drain; see what
     * PostgreSQL does with {@code perf report -i FILE --sort comm,dso,sym}. Keep the folder with {@code bench.keep}.
     */
    private Process startPerf(String variant) throws java.io.IOException, InterruptedException {
        if (!Boolean.getBoolean("bench.perf")) {
            return null;
        }
        Path file = work.resolve("perf-" + variant + ".data");
        Process perf = new ProcessBuilder("perf", "record", "-e", "cpu-clock", "-F", "999", "-a", "-q", "-o",
                file.toString()).redirectErrorStream(true).redirectOutput(work.resolve("perf.log").toFile()).start();
        System.out.println("    perf record into " + file);
        return perf;
    }

    private static void stopPerf(Process perf) throws InterruptedException {
        if (perf != null) {
            perf.toHandle().destroy();
            perf.waitFor();
        }
    }

    /** One round; returns tasks per second from the commit and over the active window. */
    private double[] round(CpuMeter meter, TaskTemplate template, int steps, int tasks, String name,
                           boolean statements) throws Exception {
        List<TaskRequest> requests = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            requests.add(TaskRequest.of(template.namespace(), template.name(), template.version(),
                    Map.of("n", submitted++)));
        }
        Thread.sleep(SETTLE_MILLIS);
        Probe.Counters before = Probe.counters(ds);
        java.util.Map<String, Probe.TableWrites> tablesBefore = Probe.tableWrites(ds);
        Probe.resetStatements(server);
        long submitStart = System.nanoTime();
        List<CreatedTask> created = engine.submitTasks(requests);
        long committed = System.nanoTime();
        Instant committedAt = Instant.now();
        CpuMeter.Sample cpuBefore = meter.sample();
        Process perf = statements ? startPerf(template.name()) : null;
        ActivitySampler sampler = statements && Boolean.getBoolean("bench.waits") ? new ActivitySampler(ds) : null;
        long drained = Probe.awaitDrained(ds, DRAIN_TIMEOUT_NANOS);
        CpuMeter.Sample cpu = meter.sample().minus(cpuBefore);
        stopPerf(perf);
        List<String> waits = sampler == null ? List.of() : sampler.stop();
        List<String> top = statements ? Probe.topStatements(server, 14) : List.of();
        Thread.sleep(SETTLE_MILLIS);
        Probe.Counters counters = Probe.counters(ds).minus(before);
        String tableLine = Probe.perTask(Probe.tableWrites(ds), tablesBefore, tasks);

        long first = created.getFirst().taskId();
        long last = created.getLast().taskId();
        if (last - first + 1 != tasks) {
            throw new IllegalStateException("expected " + tasks + " consecutive task ids, got " + first + ".." + last);
        }
        Probe.Summary summary = Probe.summary(ds, first, last);
        if (summary.complete() != tasks) {
            throw new IllegalStateException(name + ": only " + summary.complete() + " of " + tasks + " tasks complete");
        }
        double wall = (drained - committed) / 1e9;
        double activeSeconds = (summary.lastCompleteMicros() - summary.firstStartMicros()) / 1e6;
        long commitMicros = committedAt.getEpochSecond() * 1_000_000L + committedAt.getNano() / 1_000;
        System.out.printf("%s: %d tasks drained in %.3f s from the commit: %.0f tasks/s, %.0f steps/s; first claim"
                        + " %.0f ms after the commit, active %.3f s: %.0f tasks/s, %.0f steps/s (submit took %.2f s)%n",
                name, tasks, wall, tasks / wall, tasks * steps / wall,
                (summary.firstStartMicros() - commitMicros) / 1e3, activeSeconds, tasks / activeSeconds,
                tasks * steps / activeSeconds, (committed - submitStart) / 1e9);
        System.out.printf("    %s (of %.2f s on 2 cores)%n", cpu.describe(), 2 * wall);
        System.out.printf("    %s (incl. the submit); CPU ms per task: workers %.3f, PostgreSQL %.3f%n",
                counters.perTask(tasks), 1e3 * cpu.workersTotal() / tasks, 1e3 * cpu.postgres() / tasks);
        System.out.printf("    %s (incl. the submit)%n", tableLine);
        if (!waits.isEmpty()) {
            System.out.printf("    what the sessions did (pg_stat_activity every 5 ms, %d samples):%n", sampler.samples());
            waits.forEach(line -> System.out.println("      " + line));
        }
        if (!top.isEmpty()) {
            System.out.println("    statements of this round (pg_stat_statements; the submit included):");
            top.forEach(line -> System.out.println("      " + line));
        }
        return new double[] {tasks / wall, tasks / activeSeconds};
    }
}
