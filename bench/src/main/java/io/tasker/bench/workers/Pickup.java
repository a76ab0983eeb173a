package io.tasker.bench.workers;

import io.tasker.core.database.Sql;
import io.tasker.core.engine.TaskRequest;
import io.tasker.core.engine.TaskerEngine;
import io.tasker.core.template.TaskTemplate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * Pickup latency of an idle worker: one worker process runs; the harness submits one task at a time (its own
 * transaction, committed) and notes the wall clock right after the commit returns; the task's handler notes the
 * wall clock when it starts (same machine, same clock). Before each submit the harness waits until the previous task
 * has completed, then pauses a small random time, so the worker is idle when the task arrives. The step's claim
 * time (its {@code in_progress} transition, stamped by the worker's orchestration cycle after the task's claim
 * committed) splits the latency in two.
 */
final class Pickup {
    private static final Sql TASK_COMPLETE = Sql.load(Pickup.class, "task_complete.sql");
    private static final Sql STAMPS = Sql.load(Pickup.class, "pickup_stamps.sql");

    private final BenchServer server;
    private final DataSource ds;
    private final TaskerEngine engine;
    private final WorkersBench.Templates templates;
    private final Path work;
    private final SplittableRandom random = new SplittableRandom(4);
    private int submitted;

    Pickup(BenchServer server, TaskerEngine engine, WorkersBench.Templates templates, Path work) {
        this.server = server;
        this.ds = server.database().dataSource();
        this.engine = engine;
        this.templates = templates;
        this.work = work;
    }

    void run(int rounds) throws Exception {
        int pickups = Integer.getInteger("bench.pickups", 2_000);
        int warmup = Integer.getInteger("bench.pickup.warmup", 200);
        int pauseMin = Integer.getInteger("bench.pause.min.ms", 2);
        int pauseMax = Integer.getInteger("bench.pause.max.ms", 8);
        try (WorkerProcess worker = WorkerProcess.start("pickup-worker", server.server(), templates.folder(), work,
                List.of())) {
            System.out.printf("%n## pickup: one idle worker (pid %d), %d tasks per round one at a time, %d-%d ms random"
                    + " pause between; warm-up of %d first%n", worker.pid(), pickups, pauseMin, pauseMax, warmup);
            CpuMeter meter = new CpuMeter(List.of(worker.pid()), server.pid());
            try (Connection c = ds.getConnection(); PreparedStatement complete = c.prepareStatement(TASK_COMPLETE.text())) {
                round(complete, warmup, pauseMin, pauseMax, "warm-up", meter);
                Probe.analyze(ds);
                List<double[]> all = new ArrayList<>();
                double[] p50 = new double[rounds];
                double[] p99 = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    Probe.resetStatements(server);
                    double[][] latencies = round(complete, pickups, pauseMin, pauseMax, "round " + (r + 1), meter);
                    if (r == rounds - 1 && server.statementStatistics()) {
                        System.out.println("    statements of this round (pg_stat_statements; the harness's submits and"
                                + " polls included):");
                        Probe.topStatements(server, 16).forEach(line -> System.out.println("      " + line));
                    }
                    all.add(latencies[0]);
                    p50[r] = Stats.percentile(Stats.sorted(latencies[0]), 0.50);
                    p99[r] = Stats.percentile(Stats.sorted(latencies[0]), 0.99);
                }
                Stats.report("pickup p50, ms", p50);
                Stats.report("pickup p99, ms", p99);
                double[] merged = all.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
                System.out.println("all rounds, commit to handler start: " + Stats.distribution(merged));
            }
            System.out.printf("# %s: peak RSS %.0f MiB; %s%n", worker.name(), CpuMeter.peakRssMiB(worker.pid()),
                    worker.stop());
        }
    }

    /** Returns the latencies in ms: commit to handler start, commit to claim, claim to handler start. */
    private double[][] round(PreparedStatement complete, int count, int pauseMin, int pauseMax, String name,
                             CpuMeter meter) throws Exception {
        TaskTemplate template = templates.stamp();
        Map<Long, Long> committedMicros = new HashMap<>();
        long previous = -1;
        CpuMeter.Sample before = meter.sample();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            // The previous task completed, then a pause: the worker has settled it and gone idle.
            if (previous >= 0) {
                awaitComplete(complete, previous);
            }
            Thread.sleep(random.nextInt(pauseMin, pauseMax + 1));
            long id = engine.submitTask(TaskRequest.of(template.namespace(), template.name(), template.version(),
                    Map.of("n", submitted++))).taskId();
            Instant committed = Instant.now();
            committedMicros.put(id, committed.getEpochSecond() * 1_000_000L + committed.getNano() / 1_000);
            previous = id;
        }
        awaitComplete(complete, previous);
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuMeter.Sample cpu = meter.sample().minus(before);

        double[] total = new double[count];
        double[] toClaim = new double[count];
        double[] toStart = new double[count];
        int n = 0;
        try (Connection c = ds.getConnection(); PreparedStatement stamps = c.prepareStatement(STAMPS.text())) {
            stamps.setObject(1, committedMicros.keySet().toArray(Long[]::new));
            try (ResultSet r = stamps.executeQuery()) {
                while (r.next()) {
                    long at = committedMicros.get(r.getLong(1));
                    total[n] = (r.getLong(3) - at) / 1e3;
                    toClaim[n] = (r.getLong(2) - at) / 1e3;
                    toStart[n] = (r.getLong(3) - r.getLong(2)) / 1e3;
                    n++;
                }
            }
        }
        if (n != count) {
            throw new IllegalStateException(name + ": " + n + " of " + count + " pickup tasks have a handler stamp");
        }
        System.out.printf("%s (%.1f s): commit -> handler start %s%n", name, seconds, Stats.distribution(total));
        System.out.printf("    commit -> step claimed (wake-up, claim, hand-over) %s%n", Stats.distribution(toClaim));
        System.out.printf("    step claimed -> handler start (load, write in_progress, dispatch) %s%n",
                Stats.distribution(toStart));
        System.out.printf("    %s%n", cpu.describe());
        return new double[][] {total, toClaim, toStart};
    }

    private void awaitComplete(PreparedStatement complete, long taskId) throws SQLException, InterruptedException {
        while (true) {
            complete.setLong(1, taskId);
            try (ResultSet r = complete.executeQuery()) {
                if (r.next() && r.getBoolean(1)) {
                    return;
                }
            }
            Thread.sleep(1);
        }
    }
}
