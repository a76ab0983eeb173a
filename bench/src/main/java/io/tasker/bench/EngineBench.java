package io.tasker.bench;

import io.tasker.core.config.ConfigLoader;
import io.tasker.core.config.TaskerConfig;
import io.tasker.core.engine.TaskRequest;
import io.tasker.core.engine.TaskResult;
import io.tasker.core.engine.TaskerEngine;
import io.tasker.core.template.TaskTemplate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * End-to-end engine benchmarks on a durable embedded PostgreSQL with no-op Java handlers:
 * {@code commit} (the floor: one single-row durable commit, as the machine allows it), {@code chain} (ms per step of a 40-step chain, tasks run one after another) and {@code diamonds}
 * (tasks per second for 500 diamond tasks created in one batch and run at once).
 *
 * <p>Run: {@code bin/bench engine [commit|chain|diamonds|all] [rounds]}; it prints one report line per figure.
 * Settings come from the environment as for the CLI ({@code TASKER_EXECUTION_ORCHESTRATOR_THREADS=1}, ...). With
 * {@code BENCH_OPTS=-Dbench.counters=true} every round also prints what it wrote per step or task: commits, rows
 * per table (of which HOT) and bytes of WAL.
 *
 * <p>{@code BENCH_URL=jdbc:postgresql://host:port/db} runs it on that database instead of a fresh embedded one
 * (see {@link DurableDatabase}); with {@code -Dbench.resetpgss=true} pg_stat_statements is emptied after each
 * scenario's warm-up, so that it shows the measured rounds only ({@code bench/scripts/pgss_chain.sh} does both).
 */
public final class EngineBench {

    /** With {@code -Dbench.counters=true}: the database written to, whose write counters each figure reports. */
    private static javax.sql.DataSource countersSource;

    private EngineBench() {
    }

    /** Runs {@code work}, then prints what it wrote per {@code unit} (commits, rows per table, WAL), if asked. */
    private static <T> T counted(String what, int units, java.util.concurrent.Callable<T> work) throws Exception {
        if (countersSource == null) {
            return work.call();
        }
        var before = io.tasker.bench.workers.Probe.counters(countersSource);
        var tablesBefore = io.tasker.bench.workers.Probe.tableWrites(countersSource);
        T result = work.call();
        Thread.sleep(600); // table counters are flushed to the statistics by each backend at most once a second
        var after = io.tasker.bench.workers.Probe.counters(countersSource);
        System.out.println("  " + what + " " + after.minus(before).perTask(units).replace("per task", "per " + what));
        System.out.println("  " + io.tasker.bench.workers.Probe.perTask(
                io.tasker.bench.workers.Probe.tableWrites(countersSource), tablesBefore, units));
        return result;
    }

    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "all";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        TaskerConfig config = ConfigLoader.fromSystem();
        try (DurableDatabase db = new DurableDatabase(config.database().poolSize());
             TaskerEngine engine = TaskerEngine.builder(db.database().dataSource(), config).build()) {
            System.out.println("# database: " + db.database().describe());
            if (scenario.equals("commit") || scenario.equals("all")) {
                CommitProbe.run(db.database().dataSource(), rounds);
            }
            countersSource = Boolean.getBoolean("bench.counters") ? db.database().dataSource() : null;
            if (scenario.equals("chain") || scenario.equals("all")) {
                chain(engine, db, 40, rounds);
            }
            if (scenario.equals("diamonds") || scenario.equals("all")) {
                diamonds(engine, db, 500, rounds);
            }
        }
    }

    private static void chain(TaskerEngine engine, DurableDatabase db, int length, int rounds) throws Exception {
        TaskTemplate template = Templates.chain(length);
        engine.register(template);
        runChains(engine, template, 10);
        db.resetStatementStatisticsIfAsked();
        double[] perStep = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            perStep[r] = counted("step", 10 * length, () -> runChains(engine, template, 10)) / length;
        }
        report("chain of " + length + " steps, ms per step (10 tasks in sequence per round)", perStep);
    }

    /** Mean milliseconds per task from start of run to complete. */
    private static double runChains(TaskerEngine engine, TaskTemplate template, int tasks) throws Exception {
        long total = 0;
        for (int i = 0; i < tasks; i++) {
            long id = engine.createTask(request(template)).taskId();
            long start = System.nanoTime();
            TaskResult result = engine.run(id).get();
            total += System.nanoTime() - start;
            requireComplete(result);
        }
        return total / 1e6 / tasks;
    }

    private static void diamonds(TaskerEngine engine, DurableDatabase db, int count, int rounds) throws Exception {
        TaskTemplate template = Templates.diamond();
        engine.register(template);
        runDiamonds(engine, template, count);
        db.resetStatementStatisticsIfAsked();
        double[] perSecond = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            perSecond[r] = counted("task", count, () -> runDiamonds(engine, template, count));
        }
        report(count + " diamond tasks created in one batch and run at once, tasks per second", perSecond);
    }

    /** Tasks per second from the creation request to the last completion. */
    private static double runDiamonds(TaskerEngine engine, TaskTemplate template, int count) throws Exception {
        List<TaskRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(request(template));
        }
        long start = System.nanoTime();
        List<CompletableFuture<TaskResult>> runs = engine.createTasks(requests).stream()
                .map(created -> engine.run(created.taskId())).toList();
        for (CompletableFuture<TaskResult> run : runs) {
            requireComplete(run.get());
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static TaskRequest request(TaskTemplate template) {
        return TaskRequest.of(template.namespace(), template.name(), template.version(), Map.of("n", 1));
    }

    private static void requireComplete(TaskResult result) {
        if (!result.isComplete()) {
            throw new IllegalStateException("benchmark task " + result.taskId() + " ended " + result.status());
        }
    }

    static void report(String what, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        System.out.printf("%s: mean %.3f, median %.3f, min %.3f, max %.3f (%d rounds)%n", what, mean,
                sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], values.length);
    }
}
